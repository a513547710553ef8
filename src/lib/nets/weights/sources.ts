/**
 * Where checkpoint bytes come from, with progress, cancel, a cache and specific errors (I/O).
 *
 * Sources: a URL (the Hugging Face hub or a mirror laid out like it, or a self-hosted copy; the model
 * descriptors of `$lib/live/models` build these URLs) or a file the reader picks or drops. Downloads
 * stream into one buffer sized from the safetensors header, with a progress callback per chunk; the
 * header is checked as soon as it has arrived, before the body is downloaded (HTML instead of weights,
 * a malformed or non-safetensors header, and with `checkTimmHeader` a checkpoint of another network:
 * the other family, or the same family with other keys, shapes or dtypes), and the whole file is
 * validated (safetensors reader + timm mapping against the spec, every weight finite) before it is
 * used or cached. A download that makes no progress for STALL_TIMEOUT_MS gives up. Where the server
 * publishes the file's SHA-256 (the hub's LFS hash, digest.ts), the download is checked against it.
 * Cache Storage keeps validated files under a versioned cache name, keyed by URL, with the byte size and
 * the SHA-256 stored beside each entry and checked on reuse; without Cache Storage everything still
 * works, only uncached. Everything here works in a Web Worker as well as in a page.
 */
import { BodyAssembler } from './assemble';
import { sha256Hex, publishedSha256 } from './digest';
import { openCache, type CacheOptions, type CacheStatus } from './cache';
import { STALL_TIMEOUT_MS, WeightsError, type WeightsErrorCode } from './errors';
import { readSafetensors, SafetensorsError, type SafetensorsFile } from './safetensors';
import { checkTimmHeader, mapTimmWeights, WeightMappingError, type MappedWeights } from './timm';
import type { NetSpec } from '../spec/types';

/** Where to load a checkpoint from. */
export type WeightsSource =
	/** A download: the hub, a mirror with the hub's layout, or a self-hosted copy. */
	| { kind: 'url'; url: string }
	/** A file the reader picked or dropped. */
	| { kind: 'file'; file: Blob; name?: string };

export interface WeightsProgress {
	/** 'download': from the network; 'cache': from Cache Storage; 'file': from a local file. */
	phase: 'download' | 'cache' | 'file';
	loaded: number;
	/** Total bytes when known (Content-Length, file size, or the safetensors header), else null. */
	total: number | null;
	/** 0–100 (not rounded) when `total` is known, else null. */
	percent: number | null;
}

export interface LoadOptions extends CacheOptions {
	onProgress?: (progress: WeightsProgress) => void;
	/** Aborting rejects with a WeightsError 'aborted'. */
	signal?: AbortSignal;
	/** Injected in tests; default the global fetch. */
	fetch?: typeof fetch;
	/** Injected in tests; default `navigator.onLine` (true where unknown). */
	isOnline?: () => boolean;
	/** Default STALL_TIMEOUT_MS; shorter only in tests (the `egn.stallTimeout.v1` developer setting). */
	stallTimeoutMs?: number;
}

/** A validated checkpoint, ready for `loadNetwork(spec, weights)`. */
export interface LoadedCheckpoint {
	spec: NetSpec;
	/** Every tensor, checked against `spec` and converted to tfjs layouts. */
	weights: MappedWeights;
	/** The safetensors `__metadata__`. */
	metadata: Record<string, string>;
	byteLength: number;
	origin: { kind: WeightsSource['kind']; url: string | null; fileName: string | null };
	cache: CacheStatus;
}

const SIZE_HEADER = 'x-egn-bytes';
const SHA256_HEADER = 'x-egn-sha256';

/** A WeightMappingError (the checkpoint belongs to another network) as 'wrong-model'. */
function checkModel<T>(check: () => T): T {
	try {
		return check();
	} catch (error) {
		if (!(error instanceof WeightMappingError)) throw error;
		throw new WeightsError('wrong-model', error.message, { cause: error });
	}
}

interface StreamContext {
	phase: WeightsProgress['phase'];
	declared: number | null;
	spec: NetSpec;
	options: LoadOptions;
	url: string | null;
}

function progressOf(phase: WeightsProgress['phase'], loaded: number, total: number | null): WeightsProgress {
	const percent = total ? Math.min(100, (100 * loaded) / total) : null;
	return { phase, loaded, total, percent };
}

/** Reads a body stream to the end, checking the header on the way. */
async function readStream(stream: ReadableStream<Uint8Array>, context: StreamContext): Promise<Uint8Array> {
	const { options, phase } = context;
	const body = new BodyAssembler(context.declared, (header) =>
		checkModel(() => checkTimmHeader(context.spec, header))
	);
	const reader = stream.getReader();
	options.onProgress?.(progressOf(phase, 0, body.total));
	const stallMs = phase === 'download' ? stallTimeout(options) : null;
	const next = () =>
		stallMs === null ? reader.read() : beforeStall(reader.read(), stallMs, () => reader.cancel());
	try {
		for (;;) {
			if (options.signal?.aborted) throw abortError(context.url);
			const { done, value } = await next();
			if (done) break;
			body.push(value);
			options.onProgress?.(progressOf(phase, body.loaded, body.total));
		}
	} catch (error) {
		reader.cancel().catch(() => {});
		throw streamError(error, body.loaded, body.total, context);
	}
	return body.finish();
}

const stallTimeout = (options: LoadOptions) => options.stallTimeoutMs ?? STALL_TIMEOUT_MS;

/** `promise`, or a 'stalled' WeightsError once `ms` pass first (`onStall` then releases what waits). */
async function beforeStall<T>(promise: Promise<T>, ms: number, onStall: () => unknown): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stalled = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			// Rejected first: releasing the waiting promise settles it too, and the race takes the first.
			reject(new WeightsError('stalled', `nothing arrived for ${ms / 1000} s`));
			Promise.resolve(onStall()).catch(() => {});
		}, ms);
	});
	try {
		return await Promise.race([promise, stalled]);
	} finally {
		clearTimeout(timer);
	}
}

function abortError(url: string | null): WeightsError {
	return new WeightsError('aborted', 'loading was cancelled', { url });
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
	return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

const online = (options: LoadOptions) =>
	(options.isOnline ?? (() => globalThis.navigator?.onLine !== false))();

/** A failure while reading: cancel, offline, or a connection cut short (reported as truncated). */
function streamError(error: unknown, loaded: number, total: number | null, context: StreamContext): unknown {
	const { options, url } = context;
	if (error instanceof WeightsError) return withUrl(error, url);
	if (isAbort(error, options.signal)) return abortError(url);
	if (context.phase === 'file')
		return new WeightsError('invalid-file', `the file could not be read`, { cause: error });
	if (!online(options))
		return new WeightsError('offline', 'the connection went offline', { url, cause: error });
	const of = total === null ? '' : ` of ${total}`;
	return new WeightsError('truncated', `the connection ended after ${loaded}${of} bytes`, {
		url,
		cause: error
	});
}

const READER_CODES: Partial<Record<SafetensorsError['code'], WeightsErrorCode>> = {
	truncated: 'truncated',
	'unsupported-dtype': 'unsupported-dtype'
};

/**
 * Every weight is a finite number: one NaN in a bias makes every probability NaN. Each mapped tensor is
 * scanned once (`v - v` is 0 for finite values only), where validation runs: the runtime's worker.
 */
export function checkFinite(weights: MappedWeights): void {
	for (const { key, values } of weights.values()) {
		let bad = 0;
		for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) bad++;
		if (bad)
			throw new WeightsError('non-finite', `${key}: ${bad} of ${values.length} values are NaN or infinite`);
	}
}

/** Full validation: the safetensors reader, the timm mapping against the spec, finite weights. */
export function validateCheckpoint(bytes: Uint8Array, spec: NetSpec) {
	let file: SafetensorsFile;
	try {
		file = readSafetensors(bytes);
	} catch (error) {
		if (!(error instanceof SafetensorsError)) throw error;
		throw new WeightsError(READER_CODES[error.code] ?? 'invalid-file', error.message, { cause: error });
	}
	if (file.tensors.size === 0) throw new WeightsError('no-tensors', 'the header declares no tensors');
	const weights = checkModel(() => mapTimmWeights(spec, file));
	checkFinite(weights);
	return { weights, metadata: file.metadata };
}

async function fetchResponse(url: string, options: LoadOptions): Promise<Response> {
	const fetchImpl = options.fetch ?? globalThis.fetch;
	// Aborted by the caller's signal, or when no response arrives in time (the body shares it).
	const request = new AbortController();
	if (options.signal?.aborted) throw abortError(url);
	options.signal?.addEventListener('abort', () => request.abort(options.signal?.reason), { once: true });
	let response: Response;
	try {
		const pending = fetchImpl(url, { signal: request.signal, credentials: 'omit' });
		response = await beforeStall(pending, stallTimeout(options), () => request.abort());
	} catch (error) {
		if (error instanceof WeightsError) throw withUrl(error, url);
		if (isAbort(error, options.signal)) throw abortError(url);
		if (!online(options)) throw new WeightsError('offline', 'the browser is offline', { url, cause: error });
		const detail = `request failed (blocked by CORS, DNS or the network): ${(error as Error)?.message ?? error}`;
		throw new WeightsError('cors-or-network', detail, { url, cause: error });
	}
	if (response.status === 404 || response.status === 410) {
		throw new WeightsError('not-found', `HTTP ${response.status}`, { url, status: response.status });
	}
	if (!response.ok)
		throw new WeightsError('http-error', `HTTP ${response.status}`, { url, status: response.status });
	if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
		throw new WeightsError('html-instead-of-weights', 'the server sent an HTML page', { url });
	}
	return response;
}

/** Size promised by the server, unless a content encoding makes Content-Length the compressed size. */
function declaredSize(response: Response): number | null {
	const encoding = response.headers.get('content-encoding');
	if (encoding && encoding !== 'identity') return null;
	const length = Number(response.headers.get('content-length'));
	return Number.isSafeInteger(length) && length > 0 ? length : null;
}

function emptyBody(): ReadableStream<Uint8Array> {
	return new ReadableStream({ start: (controller) => controller.close() });
}

/** A validated cached copy, or null (a bad or mis-sized entry is deleted). */
async function readCached(cache: Cache, url: string, spec: NetSpec, options: LoadOptions) {
	let response: Response | undefined;
	try {
		response = await cache.match(url);
	} catch {
		return null;
	}
	if (!response) return null;
	const size = Number(response.headers.get(SIZE_HEADER));
	try {
		const context: StreamContext = { phase: 'cache', declared: size || null, spec, options, url };
		const bytes = await readStream(response.body ?? emptyBody(), context);
		if (bytes.length !== size)
			throw new WeightsError('truncated', 'cached size differs from the recorded size');
		const digest = await sha256Hex(bytes);
		if (!digest || digest !== response.headers.get(SHA256_HEADER))
			throw new WeightsError('hash-mismatch', 'cached bytes differ from the recorded SHA-256');
		return { bytes, ...validateCheckpoint(bytes, spec) };
	} catch (error) {
		if (error instanceof WeightsError && error.code === 'aborted') throw error;
		await cache.delete(url).catch(() => false);
		return null;
	}
}

/** Stores a validated file with its size and SHA-256 (without a hash to check on reuse, it is not kept). */
async function storeCached(
	cache: Cache | null,
	url: string,
	bytes: Uint8Array,
	digest: string | null
): Promise<CacheStatus> {
	if (!cache || !digest) return 'unavailable';
	const headers = {
		'content-type': 'application/octet-stream',
		[SIZE_HEADER]: String(bytes.length),
		[SHA256_HEADER]: digest
	};
	try {
		await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
		return 'stored';
	} catch {
		return 'store-failed';
	}
}

async function loadFromUrl(spec: NetSpec, url: string, options: LoadOptions) {
	const cache = await openCache(options);
	const cached = cache ? await readCached(cache, url, spec, options) : null;
	if (cached) return { ...cached, cache: 'hit' as const };
	const response = await fetchResponse(url, options);
	const context: StreamContext = { phase: 'download', declared: declaredSize(response), spec, options, url };
	const bytes = await readStream(response.body ?? emptyBody(), context);
	const digest = await sha256Hex(bytes);
	const published = publishedSha256(response.headers);
	if (digest && published && digest !== published) {
		const detail = `the bytes' SHA-256 is ${digest}; the server publishes ${published}`;
		throw new WeightsError('hash-mismatch', detail, { url });
	}
	let validated: ReturnType<typeof validateCheckpoint>;
	try {
		validated = validateCheckpoint(bytes, spec);
	} catch (error) {
		throw withUrl(error, url);
	}
	return { bytes, ...validated, cache: await storeCached(cache, url, bytes, digest) };
}

/** The same error with `url` filled in (header and validation errors are raised before the URL is known). */
function withUrl(error: unknown, url: string | null): unknown {
	if (!(error instanceof WeightsError) || error.url !== null || url === null) return error;
	return new WeightsError(error.code, error.detail, { url, status: error.status, cause: error.cause });
}

async function loadFromFile(spec: NetSpec, file: Blob, options: LoadOptions) {
	const context: StreamContext = { phase: 'file', declared: file.size || null, spec, options, url: null };
	let stream: ReadableStream<Uint8Array>;
	try {
		stream = file.stream() as ReadableStream<Uint8Array>;
	} catch (cause) {
		throw new WeightsError('invalid-file', 'the file could not be read', { cause });
	}
	const bytes = await readStream(stream, context);
	return { bytes, ...validateCheckpoint(bytes, spec), cache: 'not-used' as const };
}

/**
 * Loads and validates a checkpoint of `spec` from `source`. Rejects with a WeightsError whose `code`
 * says what went wrong; anything else (out of memory, a bug) is rethrown as is.
 */
export async function loadCheckpoint(
	spec: NetSpec,
	source: WeightsSource,
	options: LoadOptions = {}
): Promise<LoadedCheckpoint> {
	// The raw bytes are dropped here so that only the mapped weights stay in memory.
	const { bytes: _bytes, ...loaded } = await loadCheckpointBytes(spec, source, options);
	return loaded;
}

/** `loadCheckpoint` that also returns the validated file itself (for saving it, as the download script does). */
export async function loadCheckpointBytes(
	spec: NetSpec,
	source: WeightsSource,
	options: LoadOptions = {}
): Promise<LoadedCheckpoint & { bytes: Uint8Array }> {
	if (options.signal?.aborted) throw abortError(null);
	if (source.kind === 'file') {
		const result = await loadFromFile(spec, source.file, options);
		const fileName = source.name ?? (source.file as File).name ?? null;
		return finish(spec, result, { kind: 'file', url: null, fileName });
	}
	const result = await loadFromUrl(spec, source.url, options);
	return finish(spec, result, { kind: 'url', url: source.url, fileName: null });
}

function finish(
	spec: NetSpec,
	result: { bytes: Uint8Array; weights: MappedWeights; metadata: Record<string, string>; cache: CacheStatus },
	origin: LoadedCheckpoint['origin']
) {
	const { bytes, weights, metadata, cache } = result;
	return { spec, weights, metadata, byteLength: bytes.length, origin, cache, bytes };
}
