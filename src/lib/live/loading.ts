/**
 * What a live part is waiting for (pure over the session's fields), so that its status can say so:
 * the runtime starting, the weights downloading or being read from the cache (with bytes), the
 * networks being built. Never a failure while something is still under way.
 */
import type { LoadProgress } from './protocol';

interface SlotLike {
	status: 'empty' | 'loading' | 'ready' | 'error';
	progress: LoadProgress | null;
}

export type Waiting =
	| { kind: 'nothing' }
	| { kind: 'runtime' }
	/** Bytes of every network still loading: from the network, the cache or a file. */
	| {
			kind: 'bytes';
			phase: 'download' | 'cache' | 'file';
			loaded: number;
			total: number | null;
			percent: number | null;
	  }
	| { kind: 'build' };

/** The slots' combined progress: bytes while any is still reading, then building (after the runtime). */
export function waitingFor(
	runtime: 'idle' | 'starting' | 'ready' | 'failed',
	slots: readonly SlotLike[]
): Waiting {
	const loading = slots.filter((s) => s.status === 'loading');
	const reading = loading.flatMap((s) => (s.progress && s.progress.phase !== 'build' ? [s.progress] : []));
	if (reading.length) {
		const loaded = reading.reduce((n, p) => n + p.loaded, 0);
		const total = reading.every((p) => p.total !== null)
			? reading.reduce((n, p) => n + (p.total ?? 0), 0)
			: null;
		const phase = reading.some((p) => p.phase === 'download') ? 'download' : reading[0].phase;
		const percent = total ? Math.min(100, (100 * loaded) / total) : null;
		return { kind: 'bytes', phase, loaded, total, percent };
	}
	if (runtime === 'starting') return { kind: 'runtime' };
	if (loading.some((s) => s.progress?.phase === 'build')) return { kind: 'build' };
	if (loading.length) return { kind: 'bytes', phase: 'download', loaded: 0, total: null, percent: null };
	return { kind: 'nothing' };
}
