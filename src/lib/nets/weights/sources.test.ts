import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { efficientnet } from '../spec/efficientnet';
import { ghostnet } from '../spec/ghostnet';
import { timmStateDict } from '../spec/state-dict';
import { readSafetensors, readSafetensorsHeader, writeSafetensors } from './safetensors';
import { WeightMappingError } from './timm';
import { sniffHeader } from './assemble';
import { clearWeightsCache, isCached, WEIGHTS_CACHE_NAME } from './cache';
import { STALL_TIMEOUT_MS, WeightsError, type WeightsErrorCode } from './errors';
import { loadCheckpoint, type LoadOptions, type WeightsProgress } from './sources';

/**
 * Checkpoints laid out like the hub files: every key and shape of timm's state_dict from
 * tests/fixtures/reference, copies of ../shared/reference (including the int64 `num_batches_tracked` counters), values filled with a
 * simple ramp. They are built from timm's own key lists, not from our spec.
 */
function hubLikeCheckpoint(
	model: 'efficientnet_b0' | 'ghostnet_100',
	edit?: (key: string, shape: number[]) => number[]
) {
	const path = new URL(`../../../../tests/fixtures/reference/timm_${model}_keys.json`, import.meta.url);
	const keys = JSON.parse(readFileSync(path, 'utf8')) as { key: string; shape: number[] }[];
	const tensors = keys.map(({ key, shape: original }) => {
		const shape = edit ? edit(key, original) : original;
		const size = shape.reduce((a, b) => a * b, 1);
		const values = key.endsWith('num_batches_tracked')
			? new BigInt64Array([0n])
			: new Float32Array(size).map((_, i) => (i % 7) / 7);
		return { name: key, shape, values };
	});
	return writeSafetensors(tensors, { format: 'pt' });
}

let efficientnetFile: Uint8Array;
let ghostnetFile: Uint8Array;

beforeAll(() => {
	efficientnetFile = hubLikeCheckpoint('efficientnet_b0');
	ghostnetFile = hubLikeCheckpoint('ghostnet_100');
});

const HUB = 'https://hub.test';
const EFFICIENTNET_URL = `${HUB}/timm/efficientnet_b0.ra_in1k/resolve/main/model.safetensors`;

/** A body in chunks (a few tiny ones first, so the header arrives in pieces), honouring an abort signal. */
function chunkedStream(
	bytes: Uint8Array,
	options: { signal?: AbortSignal; stopAfter?: number; failAfter?: number; chunk?: number } = {}
) {
	const sizes = [3, 4, 50, 20_000];
	let at = 0;
	let pulls = 0;
	const end = options.stopAfter ?? bytes.length;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (options.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
			if (options.failAfter !== undefined && at >= options.failAfter) {
				return controller.error(new TypeError('network error'));
			}
			if (at >= end) return controller.close();
			const size = sizes[pulls++] ?? options.chunk ?? 1 << 20;
			controller.enqueue(bytes.slice(at, Math.min(end, at + size)));
			at += size;
		}
	});
	return { stream, pulled: () => Math.min(at, end) };
}

interface FakeServerFile {
	body: Uint8Array;
	status?: number;
	headers?: Record<string, string>;
	stopAfter?: number;
	failAfter?: number;
	contentLength?: boolean;
	/** Bytes per chunk after the first few (default 1 MB). */
	chunk?: number;
}

/** fetch as the hub or a static host would answer, recording each request. */
function fakeFetch(files: Record<string, FakeServerFile>) {
	const pulled: number[] = [];
	const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
		const file = files[String(input)];
		if (!file) return new Response('Entry not found', { status: 404 });
		const { stream, pulled: bytesPulled } = chunkedStream(file.body, {
			...file,
			signal: init?.signal ?? undefined
		});
		pulled.push(0);
		const index = pulled.length - 1;
		const headers = new Headers(file.headers ?? { 'content-type': 'application/octet-stream' });
		if (file.contentLength !== false) headers.set('content-length', String(file.body.length));
		const counted = stream.pipeThrough(
			new TransformStream({
				transform(chunk, controller) {
					pulled[index] = bytesPulled();
					controller.enqueue(chunk);
				}
			})
		);
		return new Response(counted, { status: file.status ?? 200, headers });
	});
	return { fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch.mock.calls, pulled };
}

/** An in-memory Cache Storage with the parts the loader uses. */
class FakeCacheStorage implements Partial<CacheStorage> {
	readonly stores = new Map<string, Map<string, { body: Uint8Array; headers: [string, string][] }>>();
	async open(name: string) {
		const store = this.stores.get(name) ?? new Map();
		this.stores.set(name, store);
		return {
			async match(url: string) {
				const hit = store.get(String(url));
				return hit ? new Response(hit.body.slice(), { headers: hit.headers }) : undefined;
			},
			async put(url: string, response: Response) {
				const body = new Uint8Array(await response.arrayBuffer());
				store.set(String(url), { body, headers: [...response.headers] });
			},
			async delete(url: string) {
				return store.delete(String(url));
			}
		} as unknown as Cache;
	}
	async keys() {
		return [...this.stores.keys()];
	}
	async delete(name: string) {
		return this.stores.delete(name);
	}
	asStorage() {
		return this as unknown as CacheStorage;
	}
}

async function failure(promise: Promise<unknown>): Promise<WeightsError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WeightsError);
	return error as WeightsError;
}

const EFFICIENTNET = efficientnet({ variant: 'b0' });
const GHOSTNET = ghostnet({ width: 1.0 });
const hub = { kind: 'url', url: EFFICIENTNET_URL } as const;
const noCache: LoadOptions = { caches: null, isOnline: () => true };

describe('loading from the hub (mocked fetch)', () => {
	it('loads, validates and maps a hub-like checkpoint of each network', async () => {
		for (const [spec, body, repo] of [
			[EFFICIENTNET, efficientnetFile, 'efficientnet_b0.ra_in1k'],
			[GHOSTNET, ghostnetFile, 'ghostnet_100.in1k']
		] as const) {
			const url = `${HUB}/timm/${repo}/resolve/main/model.safetensors`;
			const { fetch } = fakeFetch({ [url]: { body } });
			const loaded = await loadCheckpoint(spec, { kind: 'url', url }, { ...noCache, fetch });
			expect(loaded.spec).toBe(spec);
			expect(loaded.byteLength).toBe(body.length);
			expect(loaded.origin).toEqual({ kind: 'url', url, fileName: null });
			expect(loaded.metadata).toEqual({ format: 'pt' });
			expect(loaded.cache).toBe('unavailable');
			const counters = spec.family === 'efficientnet' ? 49 : 80;
			expect(loaded.weights.size).toBe((spec.family === 'efficientnet' ? 360 : 512) - counters);
		}
	});

	it('reports progress per chunk with bytes, total and percent', async () => {
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const events: WeightsProgress[] = [];
		await loadCheckpoint(EFFICIENTNET, hub, {
			...noCache,
			fetch,
			onProgress: (p) => events.push(p)
		});
		expect(events.length).toBeGreaterThan(5);
		expect(events[0]).toEqual({ phase: 'download', loaded: 0, total: efficientnetFile.length, percent: 0 });
		expect(events.at(-1)).toEqual({
			phase: 'download',
			loaded: efficientnetFile.length,
			total: efficientnetFile.length,
			percent: 100
		});
		for (let i = 1; i < events.length; i++) expect(events[i].loaded).toBeGreaterThan(events[i - 1].loaded);
	});

	it('takes the total from the header when the server sends no Content-Length', async () => {
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, contentLength: false } });
		const events: WeightsProgress[] = [];
		await loadCheckpoint(EFFICIENTNET, hub, {
			...noCache,
			fetch,
			onProgress: (p) => events.push(p)
		});
		expect(events[0].total).toBeNull();
		expect(events[0].percent).toBeNull();
		expect(events.at(-1)?.total).toBe(efficientnetFile.length);
		expect(events.at(-1)?.percent).toBe(100);
	});

	it.each([
		[404, 'not-found'],
		[410, 'not-found'],
		[500, 'http-error'],
		[403, 'http-error']
	] as const)('maps HTTP %i to %s with the status', async (status, code) => {
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: new TextEncoder().encode('nope'), status } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe(code);
		expect(error.status).toBe(status);
		expect(error.url).toBe(EFFICIENTNET_URL);
	});

	it('recognises an HTML page by its content type or by its first bytes', async () => {
		const page = new TextEncoder().encode('\n  <!doctype html><html><body>Sign in</body></html>');
		const byType = fakeFetch({
			[EFFICIENTNET_URL]: { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } }
		});
		const byBytes = fakeFetch({ [EFFICIENTNET_URL]: { body: page } });
		for (const { fetch } of [byType, byBytes]) {
			const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
			expect(error.code).toBe('html-instead-of-weights');
		}
	});

	it('reports a body that ends early as truncated', async () => {
		const stopAfter = Math.floor(efficientnetFile.length / 2);
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, stopAfter } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('truncated');
		expect(error.detail).toContain(`${stopAfter} of ${efficientnetFile.length}`);
	});

	it('reports a file cut inside its header as truncated', async () => {
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, stopAfter: 1000 } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('truncated');
	});

	it('reports a connection dropped mid-download as truncated, or offline when the browser went offline', async () => {
		const failAfter = 3_000_000;
		const online = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, failAfter } });
		const cut = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch: online.fetch }));
		expect(cut.code).toBe('truncated');
		const offline = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, failAfter } });
		const options = { caches: null, fetch: offline.fetch, isOnline: () => false };
		expect((await failure(loadCheckpoint(EFFICIENTNET, hub, options))).code).toBe('offline');
	});

	it('stops at the header when the file is the other network (wrong model)', async () => {
		const { fetch, pulled } = fakeFetch({ [EFFICIENTNET_URL]: { body: ghostnetFile } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('wrong-model');
		expect(error.detail).toMatch(/ghostnet/);
		expect(error.url).toBe(EFFICIENTNET_URL);
		// The header is 54 kB; the body is read in 1 MB chunks with one chunk of read-ahead.
		expect(pulled[0]).toBeLessThan(ghostnetFile.length / 4);
	});

	it('stops at the header when the file has the right family but wrong shapes (wrong model)', async () => {
		const tenClasses = hubLikeCheckpoint('efficientnet_b0', (key, shape) =>
			key === 'classifier.weight' ? [10, shape[1]] : key === 'classifier.bias' ? [10] : shape
		);
		const { fetch, pulled } = fakeFetch({ [EFFICIENTNET_URL]: { body: tenClasses } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('wrong-model');
		expect(error.detail).toContain('classifier.weight');
		expect(error.detail).toContain('[1000, 1280]');
		expect(error.url).toBe(EFFICIENTNET_URL);
		expect(error.cause).toBeInstanceOf(WeightMappingError);
		expect((error.cause as WeightMappingError).mismatched.map((m) => m.key)).toEqual([
			'classifier.weight',
			'classifier.bias'
		]);
		expect(pulled[0]).toBeLessThan(tenClasses.length / 4);
	});

	it('stops at the header when a B1 checkpoint sits in the B0 slot (unexpected keys)', async () => {
		// Keys and shapes of B1 from our spec: the same widths as B0, one or two more blocks per stage.
		const b1 = writeSafetensors(
			timmStateDict(efficientnet({ variant: 'b1' })).map(({ key, shape }) => ({
				name: key,
				shape,
				values: new Float32Array(shape.reduce((a, b) => a * b, 1))
			}))
		);
		const { fetch, pulled } = fakeFetch({ [EFFICIENTNET_URL]: { body: b1 } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('wrong-model');
		const cause = error.cause as WeightMappingError;
		expect(cause.code).toBe('keys');
		expect(cause.missing).toEqual([]);
		expect(cause.unexpected).toContain('blocks.1.2.conv_pw.weight');
		expect(pulled[0]).toBeLessThan(b1.length / 4);
	});

	it('stops at the header when the header itself is malformed (overlapping tensors)', async () => {
		const header = new TextEncoder().encode(
			JSON.stringify({
				a: { dtype: 'F32', shape: [1_000_000], data_offsets: [0, 4_000_000] },
				b: { dtype: 'F32', shape: [1_000_000], data_offsets: [3_999_996, 7_999_996] }
			})
		);
		const body = new Uint8Array(8 + header.length + 7_999_996);
		new DataView(body.buffer).setBigUint64(0, BigInt(header.length), true);
		body.set(header, 8);
		const { fetch, pulled } = fakeFetch({ [EFFICIENTNET_URL]: { body } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.code).toBe('invalid-file');
		expect(error.detail).toMatch(/overlap/);
		expect(pulled[0]).toBeLessThan(body.length / 2);
	});

	it('maps a CORS-like TypeError to cors-or-network, and to offline when offline', async () => {
		const fetch = vi.fn(async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof globalThis.fetch;
		const cors = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(cors.code).toBe('cors-or-network');
		const offline = await failure(
			loadCheckpoint(EFFICIENTNET, hub, { caches: null, fetch, isOnline: () => false })
		);
		expect(offline.code).toBe('offline');
	});

	it('cancels before the request, and mid-download, with code aborted', async () => {
		const before = new AbortController();
		before.abort();
		const { fetch, calls } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const early = await failure(
			loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch, signal: before.signal })
		);
		expect(early.code).toBe('aborted');
		expect(calls.length).toBe(0);

		const during = new AbortController();
		const onProgress = (p: WeightsProgress) => {
			if (p.loaded > 1_000_000) during.abort();
		};
		const midway = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const options = { ...noCache, fetch: midway.fetch, signal: during.signal, onProgress };
		const late = await failure(loadCheckpoint(EFFICIENTNET, hub, options));
		expect(late.code).toBe('aborted');
		expect(midway.pulled[0]).toBeLessThan(efficientnetFile.length);
	});

	it('rejects bytes that are not safetensors as invalid-file', async () => {
		const junk = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: junk } });
		expect((await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }))).code).toBe(
			'invalid-file'
		);
	});
});

describe('cache', () => {
	it('stores a validated download and serves the second load without fetching', async () => {
		const storage = new FakeCacheStorage();
		const { fetch, calls } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const options = { fetch, caches: storage.asStorage(), isOnline: () => true };
		const first = await loadCheckpoint(EFFICIENTNET, hub, options);
		expect(first.cache).toBe('stored');
		expect(await isCached(EFFICIENTNET_URL, options)).toBe(true);
		const phases: string[] = [];
		const second = await loadCheckpoint(EFFICIENTNET, hub, {
			...options,
			onProgress: (p) => phases.push(p.phase)
		});
		expect(calls.length).toBe(1);
		expect(second.cache).toBe('hit');
		expect(second.byteLength).toBe(efficientnetFile.length);
		expect(new Set(phases)).toEqual(new Set(['cache']));
		expect([...storage.stores.keys()]).toEqual([WEIGHTS_CACHE_NAME]);
	});

	it('works offline from the cache', async () => {
		const storage = new FakeCacheStorage();
		const online = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		await loadCheckpoint(EFFICIENTNET, hub, {
			fetch: online.fetch,
			caches: storage.asStorage()
		});
		const fetch = vi.fn(async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof globalThis.fetch;
		const loaded = await loadCheckpoint(EFFICIENTNET, hub, {
			fetch,
			caches: storage.asStorage(),
			isOnline: () => false
		});
		expect(loaded.cache).toBe('hit');
	});

	it('drops older cache versions and a damaged entry, then downloads again', async () => {
		const storage = new FakeCacheStorage();
		await (await storage.open('egn-weights-v0')).put('x', new Response('old'));
		const cache = await storage.open(WEIGHTS_CACHE_NAME);
		const damaged = efficientnetFile.slice(0, 5000);
		await cache.put(
			EFFICIENTNET_URL,
			new Response(damaged, { headers: { 'x-egn-bytes': String(efficientnetFile.length) } })
		);
		const { fetch, calls } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const loaded = await loadCheckpoint(EFFICIENTNET, hub, {
			fetch,
			caches: storage.asStorage()
		});
		expect(calls.length).toBe(1);
		expect(loaded.cache).toBe('stored');
		expect([...storage.stores.keys()]).toEqual([WEIGHTS_CACHE_NAME]);
		expect(await clearWeightsCache({ caches: storage.asStorage() })).toBe(true);
		expect(storage.stores.size).toBe(0);
	});

	it('loads without Cache Storage, or when opening it throws', async () => {
		const refusing = {
			open: async () => {
				throw new DOMException('insecure', 'SecurityError');
			},
			keys: async () => [],
			delete: async () => false
		} as unknown as CacheStorage;
		for (const caches of [null, refusing]) {
			const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
			const loaded = await loadCheckpoint(EFFICIENTNET, hub, { fetch, caches });
			expect(loaded.cache).toBe('unavailable');
		}
		expect(await clearWeightsCache({ caches: null })).toBe(false);
	});

	it('caches files by their URL, whatever the host', async () => {
		const storage = new FakeCacheStorage();
		const url = '/weights/efficientnet_b0.ra_in1k.safetensors';
		const { fetch, calls } = fakeFetch({ [url]: { body: efficientnetFile } });
		const source = { kind: 'url', url } as const;
		const options = { fetch, caches: storage.asStorage() };
		expect((await loadCheckpoint(EFFICIENTNET, source, options)).origin.url).toBe(url);
		expect((await loadCheckpoint(EFFICIENTNET, source, options)).cache).toBe('hit');
		expect(calls.length).toBe(1);
	});
});

describe('local files', () => {
	it('loads a dropped file with file-phase progress and its name', async () => {
		const file = new File([efficientnetFile as BlobPart], 'model.safetensors');
		const events: WeightsProgress[] = [];
		const loaded = await loadCheckpoint(
			EFFICIENTNET,
			{ kind: 'file', file },
			{ onProgress: (p) => events.push(p) }
		);
		expect(loaded.origin).toEqual({ kind: 'file', url: null, fileName: 'model.safetensors' });
		expect(loaded.cache).toBe('not-used');
		expect(events.every((e) => e.phase === 'file')).toBe(true);
		expect(events.at(-1)?.percent).toBe(100);
	});

	it.each<[string, Uint8Array | string, WeightsErrorCode]>([
		['an empty file', new Uint8Array(0), 'invalid-file'],
		[
			'a saved web page',
			'<!DOCTYPE html><title>timm/efficientnet_b0.ra_in1k</title>',
			'html-instead-of-weights'
		],
		['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]), 'invalid-file']
	])('rejects %s', async (_, content, code) => {
		const file = new File([content as BlobPart], 'x.safetensors');
		const error = await failure(loadCheckpoint(EFFICIENTNET, { kind: 'file', file }));
		expect(error.code).toBe(code);
	});
});

describe('sniffHeader', () => {
	it('waits for the whole header, then reports where the data starts and ends', () => {
		expect(sniffHeader(efficientnetFile.subarray(0, 8))).toBeNull();
		expect(sniffHeader(efficientnetFile.subarray(0, 100))).toBeNull();
		const header = sniffHeader(efficientnetFile.subarray(0, 200_000));
		expect(header).not.toBeNull();
		expect(header!.dataStart + header!.dataBytes).toBe(efficientnetFile.length);
		expect(header!.names).toHaveLength(360);
		const parsed = readSafetensorsHeader(efficientnetFile.subarray(0, header!.dataStart))!;
		expect(header).toEqual({ ...parsed, names: parsed.entries.map((e) => e.name) });
	});

	it('refuses what cannot be safetensors as soon as the bytes show it', () => {
		const html = new TextEncoder().encode('<!doctype html>');
		expect(() => sniffHeader(html.subarray(0, 8))).toThrow(
			expect.objectContaining({ code: 'html-instead-of-weights' })
		);
		const notJson = efficientnetFile.slice(0, 9);
		notJson[8] = 0x5b; // '[' instead of '{'
		expect(() => sniffHeader(notJson)).toThrow(expect.objectContaining({ code: 'invalid-file' }));
	});
});

/** A safetensors file from tensors given as raw bytes (offsets contiguous, in order); `declare` adds
 * tensors to the header only, after the others, whose data the file does not have. */
function rawCheckpoint(
	tensors: { name: string; dtype: string; shape: number[]; data: Uint8Array }[],
	declare: { name: string; dtype: string; shape: number[]; bytes: number }[] = []
): Uint8Array {
	const header: Record<string, unknown> = {};
	let offset = 0;
	for (const t of [...tensors, ...declare]) {
		const bytes = 'data' in t ? t.data.byteLength : t.bytes;
		header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
		offset += bytes;
	}
	const json = new TextEncoder().encode(JSON.stringify(header));
	const dataBytes = tensors.reduce((n, t) => n + t.data.byteLength, 0);
	const out = new Uint8Array(8 + json.byteLength + dataBytes);
	new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
	out.set(json, 8);
	let at = 8 + json.byteLength;
	for (const t of tensors) {
		out.set(t.data, at);
		at += t.data.byteLength;
	}
	return out;
}

/** The hub-like EfficientNet-B0 file's tensors as raw bytes, each float converted by `floats`. */
function efficientnetTensors(
	floats: { dtype: string; convert: (v: Float32Array) => ArrayBufferView } = {
		dtype: 'F32',
		convert: (v) => v
	}
) {
	const file = readSafetensors(efficientnetFile);
	return [...file.tensors.values()].map((t) => {
		const view = t.dtype === 'I64' ? t.values : floats.convert(t.values as Float32Array);
		const data = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
		return { name: t.name, dtype: t.dtype === 'I64' ? 'I64' : floats.dtype, shape: t.shape, data };
	});
}

/** The hub-like EfficientNet-B0 file with some float values changed. */
function withValues(edit: (name: string, values: Float32Array) => void): Uint8Array {
	const file = readSafetensors(efficientnetFile);
	const tensors = [...file.tensors.values()].map(({ name, shape, values }) => {
		if (values instanceof Float32Array) edit(name, values);
		return { name, shape, values };
	});
	return writeSafetensors(tensors, file.metadata);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('bad weight files (issue 17)', () => {
	it('refuses a single NaN, and all-infinite weights, naming the tensor', async () => {
		const oneNaN = withValues((name, v) => name === 'classifier.bias' && (v[3] = NaN));
		const allInf = withValues((_, v) => v.fill(Infinity));
		for (const body of [oneNaN, allInf]) {
			const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body } });
			const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
			expect(error.code).toBe('non-finite');
			expect(error.url).toBe(EFFICIENTNET_URL);
		}
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: oneNaN } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
		expect(error.detail).toBe('classifier.bias: 1 of 1000 values are NaN or infinite');
	});

	it('says a valid F64 or I8 checkpoint has a dtype we do not read, at the header', async () => {
		const f64 = rawCheckpoint(efficientnetTensors({ dtype: 'F64', convert: (v) => Float64Array.from(v) }));
		const i8 = rawCheckpoint(efficientnetTensors({ dtype: 'I8', convert: (v) => Int8Array.from(v) }));
		for (const body of [f64, i8]) {
			const { fetch, pulled } = fakeFetch({ [EFFICIENTNET_URL]: { body, chunk: 1 << 16 } });
			const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch }));
			expect(error.code).toBe('unsupported-dtype');
			// Stopped at the header (about 30 kB; read ahead by a chunk or two of 64 kB).
			expect(pulled[0]).toBeLessThan(300_000);
		}
	});

	it('says a header {} holds no tensors', async () => {
		const file = new File([rawCheckpoint([]) as BlobPart], 'empty.safetensors');
		expect((await failure(loadCheckpoint(EFFICIENTNET, { kind: 'file', file }))).code).toBe('no-tensors');
	});

	it('checks a 3 GB declared counter against the file size before allocating it', async () => {
		const huge = { name: 'bn2.num_batches_tracked', dtype: 'I64', shape: [375_000_000], bytes: 3e9 };
		const tensors = efficientnetTensors().filter((t) => t.name !== huge.name);
		const body = rawCheckpoint(tensors, [huge]);
		// A local file: its size is known before any byte is read; the data is never read.
		const file = new File([body as BlobPart], 'huge.safetensors');
		const read: number[] = [];
		const options = { onProgress: (p: WeightsProgress) => read.push(p.loaded) };
		const local = await failure(loadCheckpoint(EFFICIENTNET, { kind: 'file', file }, options));
		expect([local.code, local.detail]).toEqual([
			'exceeds-file',
			`the header declares a file of ${body.length + 3e9} bytes; the file has ${body.length} bytes`
		]);
		expect(Math.max(...read)).toBeLessThan(body.length / 4);
		// A download with Content-Length: stopped at the header.
		const sized = fakeFetch({ [EFFICIENTNET_URL]: { body, chunk: 1 << 16 } });
		const error = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch: sized.fetch }));
		expect(error.code).toBe('exceeds-file');
		expect(sized.pulled[0]).toBeLessThan(300_000);
		// Without Content-Length the counter's shape is checked like any tensor's, also at the header.
		const unsized = fakeFetch({ [EFFICIENTNET_URL]: { body, contentLength: false, chunk: 1 << 16 } });
		const shape = await failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch: unsized.fetch }));
		expect([shape.code, shape.detail]).toEqual([
			'wrong-model',
			'bn2.num_batches_tracked: expected shape [] (a counter of efficientnet_b0), found [375000000]'
		]);
		expect(unsized.pulled[0]).toBeLessThan(300_000);
	});

	it('refuses a header longer than the file after its first 9 bytes', async () => {
		const body = new Uint8Array(1000);
		new DataView(body.buffer).setBigUint64(0, 50_000_000n, true);
		body[8] = 0x7b;
		const file = new File([body as BlobPart], 'x.safetensors');
		const error = await failure(loadCheckpoint(EFFICIENTNET, { kind: 'file', file }));
		expect(error.code).toBe('exceeds-file');
	});
});

describe('stalled downloads (issue 17)', () => {
	/** fetch whose response never comes (until aborted). */
	const silent = vi.fn(
		(_: RequestInfo | URL, init?: RequestInit) =>
			new Promise<Response>((_, reject) =>
				init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
			)
	);

	it('gives up after STALL_TIMEOUT_MS (30 s) without response headers, not before', async () => {
		expect(STALL_TIMEOUT_MS).toBe(30_000);
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const fetch = silent as unknown as typeof globalThis.fetch;
			let settled = false;
			const result = failure(loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch })).finally(
				() => (settled = true)
			);
			await vi.advanceTimersByTimeAsync(STALL_TIMEOUT_MS - 1);
			expect(settled).toBe(false);
			await vi.advanceTimersByTimeAsync(2);
			const error = await result;
			expect([error.code, error.url]).toEqual(['stalled', EFFICIENTNET_URL]);
			expect(silent.mock.calls[0][1]?.signal?.aborted).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('gives up when the body stops after 1 MB, and a retry then loads', async () => {
		let cancelled = false;
		const stalling = vi.fn(async () => {
			let sent = false;
			const body = new ReadableStream<Uint8Array>({
				pull: (controller) => {
					if (sent) return new Promise<void>(() => {});
					sent = true;
					controller.enqueue(efficientnetFile.slice(0, 1 << 20));
				},
				cancel: () => void (cancelled = true)
			});
			return new Response(body, { headers: { 'content-length': String(efficientnetFile.length) } });
		}) as unknown as typeof globalThis.fetch;
		const error = await failure(
			loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch: stalling, stallTimeoutMs: 50 })
		);
		expect([error.code, error.url]).toEqual(['stalled', EFFICIENTNET_URL]);
		expect(cancelled).toBe(true);
		const { fetch } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const loaded = await loadCheckpoint(EFFICIENTNET, hub, { ...noCache, fetch, stallTimeoutMs: 50 });
		expect(loaded.byteLength).toBe(efficientnetFile.length);
	});
});

describe('SHA-256 (issue 17)', () => {
	it('checks a download against the hash the hub publishes (X-Linked-Etag or a SHA-256 ETag)', async () => {
		const hash = sha256(efficientnetFile);
		const other = sha256(new Uint8Array([1]));
		const load = (headers: Record<string, string>) =>
			loadCheckpoint(EFFICIENTNET, hub, {
				...noCache,
				fetch: fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile, headers } }).fetch
			});
		await expect(load({ 'x-linked-etag': `"${hash}"` })).resolves.toBeTruthy();
		await expect(load({ etag: `"${hash.toUpperCase()}"` })).resolves.toBeTruthy();
		const wrong: Record<string, string>[] = [{ 'x-linked-etag': `"${other}"` }, { etag: other }];
		for (const headers of wrong) {
			const error = await failure(load(headers));
			expect([error.code, error.url]).toEqual(['hash-mismatch', EFFICIENTNET_URL]);
			expect(error.detail).toContain(hash);
		}
		// A weak or non-SHA-256 ETag says nothing about the bytes.
		await expect(load({ etag: `W/"${other}"` })).resolves.toBeTruthy();
		await expect(load({ etag: '"5d41402abc4b2a76b9719d911017c592"' })).resolves.toBeTruthy();
	});

	it('records the SHA-256 beside the cache entry, and downloads again when the cached bytes differ', async () => {
		const storage = new FakeCacheStorage();
		const { fetch, calls } = fakeFetch({ [EFFICIENTNET_URL]: { body: efficientnetFile } });
		const options = { fetch, caches: storage.asStorage(), isOnline: () => true };
		await loadCheckpoint(EFFICIENTNET, hub, options);
		const entry = storage.stores.get(WEIGHTS_CACHE_NAME)!.get(EFFICIENTNET_URL)!;
		expect(Object.fromEntries(entry.headers)['x-egn-sha256']).toBe(sha256(efficientnetFile));
		// One bit flipped on disk: same size, a valid file, different bytes.
		entry.body[entry.body.length - 1] ^= 1;
		const again = await loadCheckpoint(EFFICIENTNET, hub, options);
		expect(again.cache).toBe('stored');
		expect(calls.length).toBe(2);
		expect((await loadCheckpoint(EFFICIENTNET, hub, options)).cache).toBe('hit');
		expect(calls.length).toBe(2);
	});
});
