/**
 * Test doubles for the classifier's component and state tests (imported by tests only): a fake
 * engine that records its calls, and a NetworkSession over fake sources.
 */
import { vi } from 'vitest';
import type { BackendInfo, BackendName } from '$lib/nets/runtime';
import type { CheckpointEntry } from '$lib/nets/weights/catalog';
import type { LoadOptions, WeightsSource } from '$lib/nets/weights/sources';
import { NetworkSession, type NetworkDeps } from '$lib/state/networks.svelte';
import type { PreprocessConfig } from '$lib/nets/preprocess';
import type { Classification, ClassifierEngine, TimingOptions } from './engine';

export const backendInfo = (active: BackendName, requested = active): BackendInfo => ({
	requested,
	active,
	fallbacks: []
});

/** An engine whose networks answer class `index` = position in `ids` + 1, with 3 ms latency. */
export function fakeEngine() {
	const loaded = new Set<string>();
	const engine = {
		start: vi.fn(async (name: BackendName) => backendInfo(name)),
		switchBackend: vi.fn(async (name: BackendName) => backendInfo(name)),
		load: vi.fn(async (id: string) => void loaded.add(id)),
		unload: vi.fn(async (id: string) => void loaded.delete(id)),
		classify: vi.fn(
			async (
				ids: readonly string[],
				_source: unknown,
				_config: PreprocessConfig,
				_timing: TimingOptions
			): Promise<Classification> => ({
				runs: ids.map((modelId, i) => ({
					modelId,
					top: [
						{ index: i + 1, probability: 0.9 },
						{ index: 0, probability: 0.05 }
					],
					medianMs: 3 * (i + 1),
					samplesMs: [3 * (i + 1)]
				})),
				preview: { pixels: new Uint8Array(3), size: 1 },
				backend: 'cpu' as BackendName
			})
		),
		withNet: vi.fn(async (id: string, task: (net: never, tf: never) => unknown) => {
			if (!loaded.has(id)) throw new Error(`network ${id} is not loaded`);
			return task({ id } as never, {} as never);
		}) as unknown as ClassifierEngine['withNet'] & ReturnType<typeof vi.fn>,
		memory: () => ({ numTensors: loaded.size * 100, numBytes: 0 }),
		onBackendLost: () => () => {}
	} satisfies ClassifierEngine;
	return { engine, loaded };
}

export const fmnistManifest = {
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

export type Loader = (entry: CheckpointEntry, source: WeightsSource, options: LoadOptions) => Promise<void>;

export interface FakeSessionOptions {
	cached?: boolean;
	loader?: Loader;
	manifest?: unknown;
}

/** A session over the fake engine; `calls` lists every checkpoint load with its source. */
export function fakeSession(options: FakeSessionOptions = {}) {
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
	return { session: new NetworkSession(deps), engine, loaded, calls };
}
