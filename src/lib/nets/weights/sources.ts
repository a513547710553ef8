/**
 * Where checkpoint bytes come from, with progress, cancel, a cache and specific errors (I/O).
 *
 * Sources: a URL (the Hugging Face hub or a mirror laid out like it, or a self-hosted copy; the model
 * descriptors of `$lib/live/models` build these URLs) or a file the reader picks or drops. Downloads
 * stream into one buffer sized from the safetensors header, with a progress callback per chunk; the
 * header is checked as soon as it has arrived, before the body is downloaded (HTML instead of weights,
 * a malformed or non-safetensors header, and with `checkTimmHeader` a checkpoint of another network:
 * the other family, or the same family with other keys, shapes or dtypes), and the whole file is
 * validated (safetensors reader + timm mapping against the spec) before it is used or cached. Cache
 * Storage keeps validated files under a versioned cache name, keyed by URL, with the byte size stored
 * beside each entry and checked on reuse; without Cache Storage everything still works, only uncached.
 * Everything here works in a Web Worker as well as in a page.
 */
import {
	readSafetensors,
	readSafetensorsHeader,
	safetensorsHeaderEnd,
	SafetensorsError,
	type SafetensorsFile,
	type SafetensorsHeader
} from './safetensors';
import { checkTimmHeader, mapTimmWeights, WeightMappingError, type MappedWeights } from './timm';
import type { NetSpec } from '../spec/types';

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
	'invalid-file'
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

export interface LoadOptions {
	onProgress?: (progress: WeightsProgress) => void;
	/** Aborting rejects with a WeightsError 'aborted'. */
	signal?: AbortSignal;
	/** Injected in tests; default the global fetch. */
	fetch?: typeof fetch;
	/**
	 * Default `globalThis.caches`; null turns the cache off (files the site serves itself, which the
	 * HTTP cache keeps, gain nothing from a second copy, and writing one delays the network's start).
	 */
	caches?: CacheStorage | null;
	/** Injected in tests; default `navigator.onLine` (true where unknown). */
	isOnline?: () => boolean;
}

/**
 * 'hit': read from the cache; 'stored': downloaded and now cached; 'unavailable': no Cache Storage
 * here; 'store-failed': could not be cached (quota); 'not-used': a local file.
 */
export type CacheStatus = 'hit' | 'stored' | 'unavailable' | 'store-failed' | 'not-used';

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

/** Cache Storage names start with this; other versions are deleted. */
export const WEIGHTS_CACHE_PREFIX = 'egn-weights-';
/** Bump the version when the cached format or validation changes. */
export const WEIGHTS_CACHE_NAME = `${WEIGHTS_CACHE_PREFIX}v1`;
const SIZE_HEADER = 'x-egn-bytes';

/** What the early header check reads from the first bytes of a file: a validated safetensors header. */
export interface HeaderSniff extends SafetensorsHeader {
	/** Tensor names, in header order. */
	names: string[];
}

function looksLikeHtml(bytes: Uint8Array): boolean {
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
	return bytes[i] === 0x3c;
}

function notSafetensors(prefix: Uint8Array, why: string, cause?: unknown): WeightsError {
	if (looksLikeHtml(prefix))
		return new WeightsError('html-instead-of-weights', 'the response is an HTML page', { cause });
	return new WeightsError('invalid-file', `not a safetensors file: ${why}`, { cause });
}

/** `read(prefix)` with a SafetensorsError turned into 'html-instead-of-weights' or 'invalid-file'. */
function readPrefix<T>(prefix: Uint8Array, read: (prefix: Uint8Array) => T): T {
	try {
		return read(prefix);
	} catch (error) {
		if (!(error instanceof SafetensorsError)) throw error;
		throw notSafetensors(prefix, error.message, error);
	}
}

/**
 * Reads the safetensors header from the first bytes of a file (`readSafetensorsHeader`): null while
 * more bytes are needed, a WeightsError ('html-instead-of-weights' or 'invalid-file') thrown as soon
 * as the bytes cannot be a safetensors file. Everything but the data is validated here;
 * `readSafetensors` checks the whole file afterwards.
 */
export function sniffHeader(prefix: Uint8Array): HeaderSniff | null {
	const header = readPrefix(prefix, readSafetensorsHeader);
	return header && { ...header, names: header.entries.map((e) => e.name) };
}

/** 8 + the declared header length once 8 bytes are in (null before); throws when it cannot be safetensors. */
const headerEnd = (prefix: Uint8Array) => readPrefix(prefix, safetensorsHeaderEnd);

/** A WeightMappingError (the checkpoint belongs to another network) as 'wrong-model'. */
function checkModel<T>(check: () => T): T {
	try {
		return check();
	} catch (error) {
		if (!(error instanceof WeightMappingError)) throw error;
		throw new WeightsError('wrong-model', error.message, { cause: error });
	}
}

/** Collects a body into one buffer sized from the header, reporting progress. */
class BodyAssembler {
	private head: Uint8Array[] = [];
	private header: HeaderSniff | null = null;
	private buffer: Uint8Array | null = null;
	/** Bytes needed before the header can be parsed (9, then 8 + its declared length). */
	private needed = 9;
	loaded = 0;

	constructor(
		private readonly declared: number | null,
		private readonly onHeader: (header: HeaderSniff) => void
	) {}

	/** Known total: the header's once it arrived, before that the declared size. */
	get total(): number | null {
		return this.header ? this.header.dataStart + this.header.dataBytes : this.declared;
	}

	push(chunk: Uint8Array): void {
		if (this.buffer) {
			const room = this.buffer.length - this.loaded;
			if (room > 0) this.buffer.set(room < chunk.length ? chunk.subarray(0, room) : chunk, this.loaded);
			this.loaded += chunk.length;
			return;
		}
		this.head.push(chunk);
		this.loaded += chunk.length;
		if (this.loaded < this.needed) return;
		const prefix = concat(this.head, this.loaded);
		this.head = [prefix];
		const header = sniffHeader(prefix);
		if (!header) {
			this.needed = headerEnd(prefix) ?? this.needed;
			return;
		}
		this.onHeader(header);
		this.header = header;
		this.buffer = new Uint8Array(header.dataStart + header.dataBytes);
		this.buffer.set(prefix.subarray(0, Math.min(prefix.length, this.buffer.length)));
		this.head = [];
	}

	/** The complete file; throws 'truncated' (or 'invalid-file' for no bytes at all). */
	finish(): Uint8Array {
		if (this.buffer && this.loaded >= this.buffer.length) return this.buffer;
		if (this.loaded === 0) throw new WeightsError('invalid-file', 'the file is empty');
		if (!this.buffer) {
			const prefix = concat(this.head, this.loaded);
			if (looksLikeHtml(prefix))
				throw new WeightsError('html-instead-of-weights', 'the response is an HTML page');
			throw new WeightsError('truncated', `the file ends inside its header after ${this.loaded} bytes`);
		}
		throw new WeightsError('truncated', `received ${this.loaded} of ${this.buffer.length} bytes`);
	}
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(length);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
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
	try {
		for (;;) {
			if (options.signal?.aborted) throw abortError(context.url);
			const { done, value } = await reader.read();
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

/** Full validation: the safetensors reader, then the timm mapping against the spec. */
export function validateCheckpoint(bytes: Uint8Array, spec: NetSpec) {
	let file: SafetensorsFile;
	try {
		file = readSafetensors(bytes);
	} catch (error) {
		if (!(error instanceof SafetensorsError)) throw error;
		const code = error.code === 'truncated' ? 'truncated' : 'invalid-file';
		throw new WeightsError(code, error.message, { cause: error });
	}
	return { weights: checkModel(() => mapTimmWeights(spec, file)), metadata: file.metadata };
}

async function fetchResponse(url: string, options: LoadOptions): Promise<Response> {
	const fetchImpl = options.fetch ?? globalThis.fetch;
	let response: Response;
	try {
		response = await fetchImpl(url, { signal: options.signal, credentials: 'omit' });
	} catch (error) {
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

const pruned = new WeakMap<CacheStorage, Promise<void>>();

/** The weights cache, or null where Cache Storage is missing or refuses (insecure origin, private mode). */
async function openCache(options: LoadOptions): Promise<Cache | null> {
	const storage = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
	if (!storage) return null;
	try {
		if (!pruned.has(storage))
			pruned.set(
				storage,
				pruneOldCaches(storage).catch(() => {})
			);
		await pruned.get(storage);
		return await storage.open(WEIGHTS_CACHE_NAME);
	} catch {
		return null;
	}
}

async function pruneOldCaches(storage: CacheStorage): Promise<void> {
	const names = await storage.keys();
	const stale = names.filter((n) => n.startsWith(WEIGHTS_CACHE_PREFIX) && n !== WEIGHTS_CACHE_NAME);
	await Promise.all(stale.map((n) => storage.delete(n)));
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
		return { bytes, ...validateCheckpoint(bytes, spec) };
	} catch (error) {
		if (error instanceof WeightsError && error.code === 'aborted') throw error;
		await cache.delete(url).catch(() => false);
		return null;
	}
}

async function storeCached(cache: Cache | null, url: string, bytes: Uint8Array): Promise<CacheStatus> {
	if (!cache) return 'unavailable';
	const headers = { 'content-type': 'application/octet-stream', [SIZE_HEADER]: String(bytes.length) };
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
	let validated: ReturnType<typeof validateCheckpoint>;
	try {
		validated = validateCheckpoint(bytes, spec);
	} catch (error) {
		throw withUrl(error, url);
	}
	return { bytes, ...validated, cache: await storeCached(cache, url, bytes) };
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

/** Whether a validated copy from `url` is in the cache (for a "cached" badge). */
export async function isCached(url: string, options: Pick<LoadOptions, 'caches'> = {}): Promise<boolean> {
	const cache = await openCache(options);
	if (!cache) return false;
	try {
		return (await cache.match(url)) !== undefined;
	} catch {
		return false;
	}
}

/** Deletes every cached checkpoint (all versions). Resolves to false without Cache Storage. */
export async function clearWeightsCache(options: Pick<LoadOptions, 'caches'> = {}): Promise<boolean> {
	const storage = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
	if (!storage) return false;
	try {
		const names = (await storage.keys()).filter((n) => n.startsWith(WEIGHTS_CACHE_PREFIX));
		await Promise.all(names.map((n) => storage.delete(n)));
		return true;
	} catch {
		return false;
	}
}
