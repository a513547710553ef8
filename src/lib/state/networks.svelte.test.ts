// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendInfo, BackendName } from '$lib/nets/runtime';
import type { CheckpointEntry } from '$lib/nets/weights/catalog';
import { WeightsError, type LoadOptions, type WeightsSource } from '$lib/nets/weights/sources';
import type { ClassifierEngine } from '$lib/viz/classifier/engine';
import { NetworkSession, type NetworkDeps } from './networks.svelte';

const info = (active: BackendName, requested = active): BackendInfo => ({ requested, active, fallbacks: [] });

function fakeEngine() {
	const loaded = new Set<string>();
	const engine = {
		start: vi.fn(async (name: BackendName) => info(name)),
		switchBackend: vi.fn(async (name: BackendName) => info(name)),
		load: vi.fn(async (id: string) => void loaded.add(id)),
		unload: vi.fn(async (id: string) => void loaded.delete(id)),
		classify: vi.fn(async (ids: readonly string[]) => ({
			runs: ids.map((modelId) => ({
				modelId,
				top: [{ index: 1, probability: 0.9 }],
				medianMs: 3,
				samplesMs: [3]
			})),
			preview: { pixels: new Uint8Array(3), size: 1 },
			backend: 'cpu' as const
		})),
		memory: () => ({ numTensors: loaded.size * 100, numBytes: 0 }),
		onBackendLost: () => () => {}
	} satisfies ClassifierEngine;
	return { engine, loaded };
}

const fmnistManifest = {
	models: ['ghostnet', 'efficientnet'].map((family) => ({
		id: `fmnist-${family}`,
		file: `fmnist-${family}.safetensors`,
		bytes: 1000,
		family,
		spec:
			family === 'ghostnet'
				? { width: 0.5, numClasses: 10, resolution: 32 }
				: { width: 0.5, depth: 1, numClasses: 10, resolution: 32 },
		testAccuracy: 0.9,
		testImages: 10000,
		preprocessing: { resolution: 32, cropPct: 1, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }
	}))
};

type Loader = (entry: CheckpointEntry, source: WeightsSource, options: LoadOptions) => Promise<void>;

function session(options: { cached?: boolean; loader?: Loader; manifest?: unknown } = {}) {
	const { engine, loaded } = fakeEngine();
	const calls: { id: string; source: WeightsSource }[] = [];
	const deps: NetworkDeps = {
		engine: async () => engine,
		async loadCheckpoint(entry, source, opts) {
			calls.push({ id: entry.id, source });
			await options.loader?.(entry, source, opts);
			const url = source.kind === 'file' ? null : `${source.baseUrl}/${entry.id}`;
			const fileName = source.kind === 'file' ? (source.name ?? null) : null;
			return {
				checkpoint: entry,
				spec: entry.spec(),
				weights: new Map(),
				metadata: {},
				byteLength: 1234,
				origin: { kind: source.kind, url, fileName },
				cache: options.cached ? 'hit' : 'stored'
			};
		},
		isCached: async () => options.cached ?? false,
		sourceUrl: (entry, source) => `${source.baseUrl}/${entry.id}`,
		fetchJson: async () => options.manifest ?? fmnistManifest,
		hubBase: () => 'http://hub.test',
		staticBase: '/weights',
		online: () => true
	};
	return { s: new NetworkSession(deps), engine, loaded, calls };
}

beforeEach(() => localStorage.clear());

describe('NetworkSession', () => {
	it('starts on the saved backend and runs the bundled Fashion-MNIST models by default', async () => {
		localStorage.setItem('egn.backend.v1', 'wasm');
		const { s, engine, calls } = session();
		await s.start();
		expect(engine.start).toHaveBeenCalledWith('wasm');
		expect(calls.map((c) => [c.id, c.source])).toEqual([
			['fmnist-efficientnet', { kind: 'static', baseUrl: '/weights' }],
			['fmnist-ghostnet', { kind: 'static', baseUrl: '/weights' }]
		]);
		expect(s.active).toBe('fmnist');
		expect(s.slots['fmnist-ghostnet'].origin).toMatchObject({ kind: 'bundled', bytes: 1234 });
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('empty');
		expect(s.memory.numTensors).toBe(200);
	});

	it('loads cached ImageNet weights at start, without asking, and switches to them', async () => {
		const { s, calls } = session({ cached: true });
		await s.start();
		const hub = calls.filter((c) => c.source.kind === 'hub').map((c) => c.id);
		expect(hub).toEqual(['efficientnet_b0.ra_in1k', 'ghostnet_100.in1k']);
		expect(s.active).toBe('imagenet');
		expect(s.slots['ghostnet_100.in1k'].origin?.fromCache).toBe(true);
		s.use('fmnist');
		expect(s.active).toBe('fmnist');
	});

	it('reports progress, then a failure with its code, and keeps the default set running', async () => {
		const seen: (number | null)[] = [];
		const { s } = session({
			async loader(entry, source, opts) {
				if (source.kind !== 'hub') return;
				opts.onProgress?.({ phase: 'download', loaded: 10, total: 100, percent: 10 });
				seen.push(s.slots[entry.id].progress?.percent ?? null);
				if (entry.family === 'ghostnet')
					throw new WeightsError('not-found', 'HTTP 404', { status: 404, url: 'u' });
			}
		});
		await s.loadImagenet('hub');
		expect(seen).toEqual([10, 10]);
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('ready');
		expect(s.slots['ghostnet_100.in1k'].status).toBe('error');
		expect(s.slots['ghostnet_100.in1k'].failure).toMatchObject({ code: 'not-found', status: 404 });
		expect(s.active).toBe('fmnist');
	});

	it('cancels a download through its AbortSignal and says so', async () => {
		const { s } = session({
			loader: (_entry, source, opts) =>
				source.kind === 'hub'
					? new Promise((_resolve, reject) =>
							opts.signal?.addEventListener('abort', () => reject(new WeightsError('aborted', 'cancelled')))
						)
					: Promise.resolve()
		});
		await s.start();
		const loading = s.loadImagenet('hub');
		await vi.waitFor(() => expect(s.slots['ghostnet_100.in1k'].status).toBe('loading'));
		s.cancel('ghostnet_100.in1k');
		s.cancel('efficientnet_b0.ra_in1k');
		await loading;
		expect(s.slots['ghostnet_100.in1k'].failure?.code).toBe('aborted');
	});

	it('loads a picked file into the slot it was chosen for, and retry re-runs a download', async () => {
		let fail = true;
		const { s, calls } = session({
			loader: async (_e, source) => {
				if (source.kind === 'hub' && fail) throw new WeightsError('cors-or-network', 'x');
			}
		});
		await s.loadFile('ghostnet_100.in1k', new File(['x'], 'ghost.safetensors'));
		expect(s.slots['ghostnet_100.in1k'].origin).toMatchObject({
			kind: 'file',
			fileName: 'ghost.safetensors'
		});
		await s.loadImagenet('hub');
		expect(s.slots['efficientnet_b0.ra_in1k'].failure?.code).toBe('cors-or-network');
		fail = false;
		await s.retry('efficientnet_b0.ra_in1k');
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('ready');
		expect(calls.filter((c) => c.id === 'efficientnet_b0.ra_in1k').length).toBe(2);
		expect(s.active).toBe('imagenet');
	});

	it('classifies with both networks of the active set on its preprocessing, and persists a backend choice', async () => {
		const { s, engine } = session();
		await s.start();
		const result = await s.classify(new Blob(), { warmup: 1, runs: 3 });
		const [ids, , config, timing] = engine.classify.mock.calls[0];
		expect(ids).toEqual(['fmnist-efficientnet', 'fmnist-ghostnet']);
		expect(config).toMatchObject({ crop: 32, color: 'gray' });
		expect(timing).toEqual({ warmup: 1, runs: 3 });
		expect(result.dataset).toBe('fmnist');
		await s.setBackend('cpu');
		expect(localStorage.getItem('egn.backend.v1')).toBe('cpu');
		expect(s.backend?.active).toBe('cpu');
	});

	it('without the Fashion-MNIST manifest, records why and has no active set until ImageNet loads', async () => {
		const { s } = session({ manifest: { models: [] } });
		await s.start();
		expect(s.fmnistError).toMatch(/no efficientnet model/);
		expect(s.active).toBeNull();
		await expect(s.classify(new Blob(), { warmup: 0, runs: 1 })).rejects.toThrow(/no model set/);
	});
});
