/**
 * The messages between the page and the live runtime's host (pure types and helpers). The host runs in
 * a module Web Worker; where a browser has none, it runs on the main thread behind a MessageChannel, so
 * both paths exchange exactly these messages (structured clones; typed arrays are transferred).
 *
 * page → host: `{ id, request }`, and `{ cancel: id }` to abort a pending request (a download).
 * host → page: `{ id, ok: true, value, memory }` or `{ id, ok: false, error, memory }`, progress of a
 * pending request `{ id, progress }`, and `{ event }` for what the host decides on its own (a backend
 * switch after measuring, a lost WebGL context).
 */
import type { PreprocessConfig } from '$lib/nets';
import type { BackendInfo, BackendName, Fallback } from '$lib/nets/tf';
import type { CacheStatus } from '$lib/nets/weights/cache';
import type { WeightsProgress } from '$lib/nets/weights/sources';
import type { NetSpec } from '$lib/nets';
import type { DivergingStops } from './compute/colour-scale';
import type { FinderResult, ModuleAtlas } from './compute/ghost-lab';
import type { GhostModuleChoice } from './compute/ghost-modules';
import type { NetworkProfile } from './compute/profile';
import type { InputConfig } from './models';

/** An image the host reads: a file or fetched sample (Blob), a camera frame or decoded image. */
export interface ImageRef {
	/** Identifies the image (sample id, file name + size + date, camera photo number): the host keeps
	 * the last preprocessed image per key and config. */
	key: string;
	source: Blob | ImageBitmap | ImageData;
}

export interface Timing {
	warmup: number;
	runs: number;
}

/** Test settings for the GPU probe (developer setting `egn.gpuTest.v1`, see dev-settings.ts). */
export interface GpuTest {
	/** false: behave as a browser without WebGL. */
	webgl?: boolean;
	/** Report this renderer instead of the real one (a hardware name lets the probe run). */
	renderer?: string;
	/** Report WebGL's measured time as wasm's divided by this (2: twice as fast; 0.5: half as fast). */
	speedup?: number;
}

export interface StartSettings {
	/** The reader's explicit backend, or null for the automatic policy. */
	choice: BackendName | null;
	/** XNNPACK threads; default `chooseWasmThreads()` for this context. */
	wasmThreads?: number;
	gpuTest?: GpuTest | null;
	/** Developer tools are on (`egn.devtools.v1`): allows the test-only requests. */
	debug?: boolean;
}

export type Request =
	| { type: 'start'; settings: StartSettings }
	| { type: 'set-backend'; choice: BackendName | null }
	| { type: 'load'; modelId: string; spec: NetSpec; source: LoadSource }
	| { type: 'unload'; modelId: string }
	| {
			type: 'classify';
			modelIds: string[];
			image: ImageRef;
			preprocess: InputConfig;
			timing: Timing;
	  }
	| {
			type: 'module-atlas';
			modelId: string;
			image: ImageRef;
			preprocess: PreprocessConfig;
			module: GhostModuleChoice;
			stops: DivergingStops;
			box?: { width: number; height: number };
	  }
	| {
			type: 'redundancy';
			modelId: string;
			image: ImageRef;
			preprocess: PreprocessConfig;
			stops: DivergingStops;
	  }
	| { type: 'logits'; modelId: string; input: Float32Array; taps?: string[] }
	/** Where a forward pass of a loaded network spends its time on the active backend (tf.profile). */
	| { type: 'profile'; modelId: string; runs: number }
	/** Reads and preprocesses an image ahead of the request that will use it (kept for that one). */
	| { type: 'prepare'; image: ImageRef; preprocess: InputConfig }
	| { type: 'memory' }
	/** The host's User Timing marks (`egn:*`) on the wall clock (ms since the epoch): the benchmark's breakdown. */
	| { type: 'timeline' }
	| { type: 'lose-webgl-context' };

/**
 * A download (`cache: false`: not kept in Cache Storage, for the site's own small files;
 * `stallTimeoutMs`: the `egn.stallTimeout.v1` test hook), or a file.
 */
export type LoadSource =
	| { kind: 'url'; url: string; cache?: boolean; stallTimeoutMs?: number }
	| { kind: 'file'; file: Blob; name?: string };

export interface Loaded {
	byteLength: number;
	cache: CacheStatus;
	url: string | null;
	fileName: string | null;
}

export interface ClassifyRun {
	modelId: string;
	/** Top-5, softmax probabilities, highest first. */
	top: { index: number; probability: number }[];
	/** Median of the timed runs after warm-up, ms (measured in the host, next to the network). */
	medianMs: number;
	samplesMs: number[];
}

export interface Classification {
	runs: ClassifyRun[];
	/** The crop the networks saw, RGB bytes, `size × size`. */
	preview: { pixels: Uint8Array; size: number };
	backend: BackendName;
}

export interface LogitsResult {
	logits: Float32Array;
	/** Each requested tap's values, NHWC order, with its shape. */
	taps: Record<string, { shape: number[]; values: Float32Array }>;
	backend: BackendName;
}

/** Where the runtime is, and why it runs on what it runs on. */
export interface BackendState {
	/** 'worker': a module Web Worker; 'main': the page's own thread (no module workers here). */
	thread: 'worker' | 'main';
	info: BackendInfo;
	/** The reader's explicit choice; null while the automatic policy decides. */
	choice: BackendName | null;
	gpu: GpuState;
}

/** What the automatic policy found out about WebGL. */
export type GpuState =
	/** The reader chose a backend: nothing is measured. */
	| { phase: 'not-needed' }
	/** Waiting for the first result on wasm before looking at WebGL. */
	| { phase: 'waiting' }
	| { phase: 'unavailable'; detail?: string }
	/** A software renderer (SwiftShader, llvmpipe): never faster than wasm, so not tried. */
	| { phase: 'software'; renderer: string }
	/** Building the network on WebGL and compiling its shaders, in the background. */
	| { phase: 'compiling'; renderer: string | null }
	| {
			phase: 'measured';
			renderer: string | null;
			modelId: string;
			/** The backend WebGL was timed against (wasm, or the CPU where wasm failed) and its median. */
			current: BackendName;
			currentMs: number;
			webglMs: number;
			webglWins: boolean;
	  }
	| { phase: 'failed'; detail: string };

export type Response =
	| { type: 'start'; value: BackendState }
	| { type: 'set-backend'; value: BackendState }
	| { type: 'load'; value: Loaded }
	| { type: 'classify'; value: Classification }
	| { type: 'module-atlas'; value: ModuleAtlas & { backend: BackendName } }
	| { type: 'redundancy'; value: FinderResult & { backend: BackendName } }
	| { type: 'logits'; value: LogitsResult }
	| { type: 'profile'; value: NetworkProfile & { backend: BackendName } }
	| { type: 'timeline'; value: { name: string; at: number }[] };

export type ResultOf<T extends Request['type']> = T extends Response['type']
	? Extract<Response, { type: T }>['value']
	: void;

export interface Memory {
	numTensors: number;
	numBytes: number;
}

/** Progress of a pending load: the sources' byte progress, then building the network. */
export type LoadProgress = WeightsProgress | { phase: 'build' };

export type ToHost = { id: number; request: Request } | { cancel: number };

export type FromHost =
	| { id: number; ok: true; value: unknown; memory: Memory }
	| { id: number; ok: false; error: SerializedError; memory: Memory }
	| { id: number; progress: LoadProgress }
	| { event: HostEvent }
	| { hello: 'worker' | 'main' };

export type HostEvent = { type: 'backend'; state: BackendState; memory: Memory };

/** An error as it crosses the boundary: the fields the page's messages read, by name. */
export interface SerializedError {
	name: string;
	message: string;
	code?: string;
	detail?: string;
	url?: string | null;
	status?: number | null;
	fallbacks?: Fallback[];
}

export function serializeError(error: unknown): SerializedError {
	if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
	const e = error as Error & Partial<Omit<SerializedError, 'name' | 'message'>>;
	const out: SerializedError = { name: e.name, message: e.message };
	for (const key of ['code', 'detail', 'url', 'status', 'fallbacks'] as const) {
		if (e[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = e[key];
	}
	return out;
}

/** An Error with the same name and fields, so that code matching errors by shape reads it as before. */
export class RemoteError extends Error {
	readonly code?: string;
	readonly detail?: string;
	readonly url?: string | null;
	readonly status?: number | null;
	readonly fallbacks?: Fallback[];
	constructor(serialized: SerializedError) {
		super(serialized.message);
		this.name = serialized.name;
		Object.assign(this, serialized);
	}
}

/** The typed-array buffers of `value`, to transfer instead of copy (each buffer once). */
export function transferables(value: unknown, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
	if (depth > 6 || value === null || typeof value !== 'object') return [...found];
	if (ArrayBuffer.isView(value)) {
		if (value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength)
			found.add(value.buffer);
		return [...found];
	}
	for (const item of Array.isArray(value) ? value : Object.values(value))
		transferables(item, found, depth + 1);
	return [...found];
}
