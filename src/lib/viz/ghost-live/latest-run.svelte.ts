/**
 * The result of the reader's latest request (module, layer, image or model choice). Requests may
 * overlap when the reader switches quickly; only the newest one's result is kept, and work that has
 * become stale before it starts can skip itself with `current()`.
 */
export type RunPhase = 'idle' | 'running' | 'done' | 'failed';

export class LatestRun<T> {
	value = $state.raw<T | null>(null);
	phase = $state<RunPhase>('idle');
	error = $state<string | null>(null);
	/** performance.now() when the newest request started (for "image → drawn maps" timings). */
	startedAt = 0;
	private ticket = 0;

	/** Runs `work`; its result replaces `value` unless a newer request started meanwhile. */
	async run(work: (current: () => boolean) => Promise<T | null>): Promise<void> {
		const ticket = ++this.ticket;
		const current = () => ticket === this.ticket;
		this.startedAt = performance.now();
		this.phase = 'running';
		try {
			const value = await work(current);
			if (!current() || value === null) return;
			this.value = value;
			this.error = null;
			this.phase = 'done';
		} catch (error) {
			if (!current()) return;
			this.error = error instanceof Error ? error.message : String(error);
			this.phase = 'failed';
		}
	}

	/** Forgets the result and cancels the pending request's effect. */
	reset(): void {
		this.ticket++;
		this.value = null;
		this.error = null;
		this.phase = 'idle';
	}
}
