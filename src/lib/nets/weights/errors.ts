/** Why a checkpoint could not be loaded: stable codes for translated messages (pure). */

/**
 * A download gives up ('stalled') when nothing arrives for this long: no response headers, or no bytes
 * of the body. A server that stalls would otherwise leave the reader at "Downloading" until they
 * cancel. Generous, so that a slow but moving connection (a byte every few seconds) is never cut.
 */
export const STALL_TIMEOUT_MS = 30_000;

/** Stable codes of everything that can go wrong, for translated messages. */
export const WEIGHTS_ERROR_CODES = [
	'not-found',
	'http-error',
	'html-instead-of-weights',
	'truncated',
	'wrong-model',
	'cors-or-network',
	'offline',
	'aborted',
	'invalid-file',
	/** A valid safetensors file in a dtype we do not decode (F64, I8, …). */
	'unsupported-dtype',
	/** A valid safetensors file with no tensors at all (header `{}`). */
	'no-tensors',
	/** The header declares more bytes than the file (its size, or Content-Length) has. */
	'exceeds-file',
	/** A weight is NaN or ±Infinity. */
	'non-finite',
	/** No byte arrived for STALL_TIMEOUT_MS. */
	'stalled',
	/** The bytes' SHA-256 differs from the one the server published. */
	'hash-mismatch'
] as const;

export type WeightsErrorCode = (typeof WEIGHTS_ERROR_CODES)[number];

/** A checkpoint could not be loaded; `code` says why, `detail` is untranslated technical text. */
export class WeightsError extends Error {
	readonly code: WeightsErrorCode;
	readonly url: string | null;
	/** HTTP status for 'not-found' and 'http-error'. */
	readonly status: number | null;
	readonly detail: string;
	constructor(
		code: WeightsErrorCode,
		detail: string,
		options: { url?: string | null; status?: number | null; cause?: unknown } = {}
	) {
		super(`${code}: ${detail}`, { cause: options.cause });
		this.name = 'WeightsError';
		this.code = code;
		this.detail = detail;
		this.url = options.url ?? null;
		this.status = options.status ?? null;
	}
}
