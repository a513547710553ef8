/**
 * What the classifier needs from the tfjs side, as an interface (no tfjs here): the shared state
 * talks to an engine, component tests give it a fake, and the real one (`engine-tf.ts`) is loaded
 * with a dynamic import, so tfjs is downloaded only when a classifier starts, never with an article.
 */
import type { Net } from '$lib/nets/build';
import type { BackendInfo, BackendName, Tf } from '$lib/nets/runtime';
import type { ImageSourceLike } from '$lib/nets/preprocess';
import type { InputConfig } from './input-config';
import type { NetSpec } from '$lib/nets/spec/types';
import type { MappedWeights } from '$lib/nets/weights/timm';

export interface Prediction {
	index: number;
	probability: number;
}

export interface ModelRun {
	modelId: string;
	/** Top-5, softmax probabilities, highest first. */
	top: Prediction[];
	/** Median of the timed runs after warm-up, ms. */
	medianMs: number;
	samplesMs: number[];
}

export interface Classification {
	runs: ModelRun[];
	/** The crop the networks saw, RGB bytes, `size × size`. */
	preview: { pixels: Uint8Array; size: number };
	backend: BackendName;
}

export interface TimingOptions {
	warmup: number;
	runs: number;
}

export interface MemoryCount {
	numTensors: number;
	numBytes: number;
}

export interface ClassifierEngine {
	/** Loads tfjs and starts `preferred`, falling back as needed. */
	start(preferred: BackendName): Promise<BackendInfo>;
	/** Switches backend and rebuilds every loaded network on it. */
	switchBackend(preferred: BackendName): Promise<BackendInfo>;
	/**
	 * Builds the network of `spec` from weights already checked against it (the sources' loader does
	 * that) and warms it up. Replaces a network already loaded under `id`.
	 */
	load(id: string, spec: NetSpec, weights: MappedWeights): Promise<void>;
	unload(id: string): Promise<void>;
	/** Preprocesses `source` once with `config` and runs every network in `ids` on that tensor. */
	classify(
		ids: readonly string[],
		source: ImageSourceLike,
		config: InputConfig,
		timing: TimingOptions
	): Promise<Classification>;
	/**
	 * Runs `task` on a loaded network inside the engine's queue, so no classification, backend switch
	 * or context-loss rebuild happens in between (for other live components, e.g. feature maps). The
	 * task must dispose every tensor it makes. Rejects if `id` is not loaded.
	 */
	withNet<T>(id: string, task: (net: Net, tf: Tf) => T | Promise<T>): Promise<T>;
	memory(): MemoryCount;
	/**
	 * Calls `listener` after the WebGL context was lost and the engine recovered on another backend
	 * (networks rebuilt); returns a function that stops listening.
	 */
	onBackendLost(listener: (info: BackendInfo) => void): () => void;
}

/** The real engine; the import is what pulls tfjs into the page, on first use only. */
export async function loadTfEngine(): Promise<ClassifierEngine> {
	const { createTfEngine } = await import('./engine-tf');
	return createTfEngine();
}
