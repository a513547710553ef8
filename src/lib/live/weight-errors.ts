/**
 * Any failure while getting or building weights → a reader-facing reason (pure). Loading failures
 * arrive as the sources' `WeightsError` with a stable code (from the runtime's worker: an error of the
 * same name and fields); anything else (tfjs running out of memory while building, a lost context) is
 * a build failure.
 */
import { WEIGHTS_ERROR_CODES, type WeightsErrorCode } from '$lib/nets';

export type WeightErrorCode = WeightsErrorCode | 'build-failed';

export interface WeightFailure {
	code: WeightErrorCode;
	url: string | null;
	status: number | null;
	/** The underlying message, for a details line (not translated). */
	detail: string;
}

export function describeWeightError(error: unknown): WeightFailure {
	const e = error as {
		name?: unknown;
		code?: unknown;
		url?: string | null;
		status?: number | null;
		detail?: string;
	};
	if (e?.name === 'WeightsError' && (WEIGHTS_ERROR_CODES as readonly unknown[]).includes(e.code)) {
		const detail = e.detail ?? String(error);
		return { code: e.code as WeightsErrorCode, url: e.url ?? null, status: e.status ?? null, detail };
	}
	const detail = error instanceof Error ? error.message : String(error);
	return { code: 'build-failed', url: null, status: null, detail };
}

/** Retrying cannot help a file the reader chose, nor a cancel that they may simply redo. */
export function canRetry(failure: WeightFailure, source: 'hub' | 'static' | 'file' | 'bundled'): boolean {
	return source !== 'file' || failure.code === 'build-failed';
}
