/**
 * Any failure while getting or building weights → a reader-facing reason (pure). Loading failures
 * arrive as the sources' `WeightsError` with a stable code; anything else (tfjs running out of
 * memory while building, a lost context) is a build failure.
 */
import { WeightsError, type WeightsErrorCode } from '$lib/nets/weights/sources';

export type WeightErrorCode = WeightsErrorCode | 'build-failed';

export interface WeightFailure {
	code: WeightErrorCode;
	url: string | null;
	status: number | null;
	/** The underlying message, for a details line (not translated). */
	detail: string;
}

export function describeWeightError(error: unknown): WeightFailure {
	if (error instanceof WeightsError) {
		return { code: error.code, url: error.url, status: error.status, detail: error.detail };
	}
	const detail = error instanceof Error ? error.message : String(error);
	return { code: 'build-failed', url: null, status: null, detail };
}

/** Retrying cannot help a file the reader chose, nor a cancel that they may simply redo. */
export function canRetry(failure: WeightFailure, source: 'hub' | 'static' | 'file' | 'bundled'): boolean {
	return source !== 'file' || failure.code === 'build-failed';
}
