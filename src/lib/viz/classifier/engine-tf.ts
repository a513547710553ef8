/**
 * The classifier engine on tfjs. Only `loadTfEngine` imports this module (dynamically), so tfjs and
 * the network builder never reach a page's initial JavaScript.
 *
 * Every operation runs exclusively (one queue): a backend switch or a lost WebGL context must not
 * happen in the middle of a classification. The checked weights of each network stay in memory (in
 * tfjs layout) so that the network can be rebuilt on another backend without downloading again.
 */
import { loadNetwork, type Net } from '$lib/nets/build';
import { inputTensor, preprocessPixels, readPixels } from '$lib/nets/preprocess';
import {
	loadTf,
	recoverFromContextLoss,
	selectBackend,
	tfBackendHost,
	watchContextLoss,
	type BackendInfo,
	type BackendName,
	type Tf
} from '$lib/nets/runtime';
import type { NetSpec } from '$lib/nets/spec/types';
import type { MappedWeights } from '$lib/nets/weights/timm';
import type { ClassifierEngine, Classification, ModelRun } from './engine';
import { configForImage } from './input-config';
import { measureLatency } from './latency';

interface Loaded {
	spec: NetSpec;
	weights: MappedWeights;
	net: Net;
}

const TOP_K = 5;

export function createTfEngine(): ClassifierEngine {
	const loaded = new Map<string, Loaded>();
	const listeners = new Set<(info: BackendInfo) => void>();
	let tf: Tf | null = null;
	let info: BackendInfo | null = null;
	let stopWatching = () => {};
	let queue: Promise<unknown> = Promise.resolve();

	/** Runs `task` after every earlier task has settled. */
	function exclusive<T>(task: () => Promise<T>): Promise<T> {
		const result = queue.then(task, task);
		queue = result.catch(() => undefined);
		return result;
	}

	function requireTf(): Tf {
		if (!tf) throw new Error('classifier engine used before start()');
		return tf;
	}

	function disposeNets() {
		for (const entry of loaded.values()) {
			try {
				entry.net.dispose();
			} catch {
				// After a lost WebGL context the textures are already gone; nothing is left to free.
			}
		}
	}

	async function rebuildNets() {
		for (const entry of loaded.values()) {
			entry.net = loadNetwork(entry.spec, entry.weights);
			await entry.net.warmup();
		}
	}

	function watch() {
		stopWatching();
		stopWatching = watchContextLoss(requireTf(), () => void exclusive(recover));
	}

	async function recover() {
		disposeNets();
		info = await recoverFromContextLoss(info?.requested ?? 'webgl', tfBackendHost(requireTf()));
		await rebuildNets();
		watch();
		for (const listener of listeners) listener(info);
	}

	async function activate(preferred: BackendName): Promise<BackendInfo> {
		tf ??= await loadTf();
		disposeNets();
		info = await selectBackend(preferred, tfBackendHost(tf));
		await rebuildNets();
		watch();
		return info;
	}

	async function runAll(
		ids: readonly string[],
		input: Parameters<Net['classify']>[0],
		timing: { warmup: number; runs: number }
	) {
		const runs: ModelRun[] = [];
		for (const id of ids) {
			const entry = loaded.get(id);
			if (!entry) throw new Error(`network ${id} is not loaded`);
			const measured = await measureLatency(() => entry.net.classify(input, TOP_K), timing);
			runs.push({
				modelId: id,
				top: measured.result,
				medianMs: measured.medianMs,
				samplesMs: measured.samplesMs
			});
		}
		return runs;
	}

	return {
		start: (preferred) => exclusive(() => activate(preferred)),
		switchBackend: (preferred) => exclusive(() => activate(preferred)),
		load: (id, spec, weights) =>
			exclusive(async () => {
				requireTf();
				const net = loadNetwork(spec, weights);
				loaded.get(id)?.net.dispose();
				loaded.set(id, { spec, weights, net });
				await net.warmup();
			}),
		unload: (id) =>
			exclusive(async () => {
				loaded.get(id)?.net.dispose();
				loaded.delete(id);
			}),
		classify: (ids, source, config, timing) =>
			exclusive(async (): Promise<Classification> => {
				const tfjs = requireTf();
				const pixels = await readPixels(source, config.resizeShorter ?? config.crop);
				const image = preprocessPixels(pixels, configForImage(config, pixels.width, pixels.height));
				const input = inputTensor(tfjs, image);
				try {
					const runs = await runAll(ids, input, timing);
					const backend = tfjs.getBackend() as BackendName;
					return { runs, preview: { pixels: image.preview, size: config.crop }, backend };
				} finally {
					input.dispose();
				}
			}),
		withNet: (id, task) =>
			exclusive(async () => {
				const entry = loaded.get(id);
				if (!entry) throw new Error(`network ${id} is not loaded`);
				return task(entry.net, requireTf());
			}),
		memory() {
			const { numTensors, numBytes } = tf ? tf.memory() : { numTensors: 0, numBytes: 0 };
			return { numTensors, numBytes };
		},
		onBackendLost(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}
