/**
 * tfjs runtime: loads tfjs on demand, picks a backend (WebGL by default, then wasm, then CPU),
 * falls back with a stated reason when one fails or WebGL loses its context, remembers the
 * reader's choice, and checks tensor counts.
 *
 * tfjs is loaded with a dynamic import (`loadTf`), so a page that never runs a network never
 * downloads it. The wasm binaries are imported as URLs, so Vite emits them as assets of the site
 * (self-hosted, same version as the npm package); tfjs picks the SIMD build when the browser has
 * SIMD, and the threaded SIMD build when the page is cross-origin isolated (SharedArrayBuffer).
 * With the threaded build, XNNPACK gets `chooseWasmThreads()` threads (see `startWasmWithThreads` for
 * why that takes more than `setThreadsCount`).
 */
import type * as tfType from '@tensorflow/tfjs';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type Tf = typeof tfType;

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** All backends, in the order automatic fallback tries them. */
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Why a backend is not the one running; stable codes for translated notices. */
export type FallbackReason =
	/** `setBackend('webgl')` failed: no WebGL, blocked, or blacklisted GPU. */
	| 'webgl-unavailable'
	/** The WebGL context was lost (GPU reset, too many contexts, driver crash). */
	| 'webgl-context-lost'
	/** The wasm backend failed to initialise (no WebAssembly, binary not reachable). */
	| 'wasm-unavailable'
	| 'cpu-unavailable';

export interface Fallback {
	backend: BackendName;
	reason: FallbackReason;
	/** The underlying error message, for the console or a details line; not translated. */
	detail?: string;
}

/** The backend in use and how it was reached. */
export interface BackendInfo {
	/** What the reader (or the default) asked for. */
	requested: BackendName;
	active: BackendName;
	/** Backends tried before `active`, each with its reason; empty when `active === requested`. */
	fallbacks: Fallback[];
	/** Present when `active` is 'wasm'. */
	wasm?: WasmFeatures;
}

export interface WasmFeatures {
	simd: boolean;
	/** Threads XNNPACK uses (1 without cross-origin isolation). */
	threads: number;
	crossOriginIsolated: boolean;
}

export class RuntimeError extends Error {
	readonly code = 'no-backend';
	readonly fallbacks: Fallback[];
	constructor(fallbacks: Fallback[]) {
		super(`no tfjs backend could start: ${fallbacks.map((f) => `${f.backend} (${f.reason})`).join(', ')}`);
		this.name = 'RuntimeError';
		this.fallbacks = fallbacks;
	}
}

let tfModule: Promise<Tf> | null = null;

/** tfjs (core, layers, WebGL and CPU backends), imported on first call and shared afterwards. */
export function loadTf(): Promise<Tf> {
	tfModule ??= import('@tensorflow/tfjs').catch((error: unknown) => {
		tfModule = null;
		throw error;
	});
	return tfModule;
}

/** `preferred` first, then the others in the default order. */
export function fallbackOrder(preferred: BackendName): BackendName[] {
	return [preferred, ...BACKENDS.filter((b) => b !== preferred)];
}

const unavailableReason: Record<BackendName, FallbackReason> = {
	webgl: 'webgl-unavailable',
	wasm: 'wasm-unavailable',
	cpu: 'cpu-unavailable'
};

/** The few tfjs operations backend selection needs; tests pass a fake. */
export interface BackendHost {
	/** Registers the backend if needed (wasm is loaded lazily) and switches to it; false when it fails. */
	activate(name: BackendName): Promise<boolean>;
	wasmFeatures(): Promise<WasmFeatures>;
}

/** Tries one backend; the failure to report, or null when it is running. */
async function tryActivate(host: BackendHost, name: BackendName): Promise<Fallback | null> {
	try {
		if (await host.activate(name)) return null;
		return { backend: name, reason: unavailableReason[name] };
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return { backend: name, reason: unavailableReason[name], detail };
	}
}

/**
 * Switches to `preferred`, or to the first backend after it that starts. Backends in `exclude`
 * (for instance WebGL after its context was lost) are not tried and are reported with their reason.
 */
export async function selectBackend(
	preferred: BackendName,
	host: BackendHost,
	exclude: readonly Fallback[] = []
): Promise<BackendInfo> {
	const order = fallbackOrder(preferred);
	const failures = new Map(exclude.map((f) => [f.backend, f]));
	for (const name of order) {
		if (failures.has(name)) continue;
		const failure = await tryActivate(host, name);
		if (failure) {
			failures.set(name, failure);
			continue;
		}
		const fallbacks = order.slice(0, order.indexOf(name)).map((b) => failures.get(b) as Fallback);
		const info: BackendInfo = { requested: preferred, active: name, fallbacks };
		if (name === 'wasm') info.wasm = await host.wasmFeatures();
		return info;
	}
	throw new RuntimeError(order.map((b) => failures.get(b) as Fallback));
}

/** More threads than this rarely pay off for one 224×224 image, and each one is a Web Worker. */
export const MAX_WASM_THREADS = 4;

/**
 * Threads for XNNPACK: one without cross-origin isolation (no SharedArrayBuffer, so tfjs loads a
 * binary without threads), else half the logical cores, rounded up, at most `max` (onnxruntime-web's
 * default rule). Every op waits for its slowest thread: with all cores taken, one busy core (the
 * page's own rendering, another tab) stalls each of the ~200 ops: on a loaded 2-core machine 2 threads
 * measured 5–9× slower than 1, on the same machine idle 1.4–1.6× faster (bench/README.md, "Threads").
 */
export function chooseWasmThreads(
	env: { crossOriginIsolated: boolean; hardwareConcurrency?: number },
	max = MAX_WASM_THREADS
): number {
	if (!env.crossOriginIsolated) return 1;
	const cores = Math.floor(env.hardwareConcurrency ?? 1);
	return Math.max(1, Math.min(Math.ceil((cores > 0 ? cores : 1) / 2), max));
}

/** The hardwareConcurrency to report while the wasm module starts so that `threads` are not capped. */
export function reportedCoresFor(threads: number): number {
	return 2 * Math.max(1, Math.floor(threads));
}

/**
 * Runs `start` while `target.hardwareConcurrency` reads `cores`, then puts the original back (also
 * when `start` throws). tfjs-backend-wasm 4.x caps XNNPACK's pool at hardwareConcurrency / 2 (it
 * assumes two hyperthreads per core), read once while its wasm module starts: on a 2-core machine
 * that is 1 thread whatever `setThreadsCount` asks for. Reporting 2 × the wanted count during the
 * start lifts the cap to exactly that count.
 */
export async function withReportedCores<T>(
	target: object,
	cores: number,
	start: () => Promise<T>
): Promise<T> {
	const own = Object.getOwnPropertyDescriptor(target, 'hardwareConcurrency');
	Object.defineProperty(target, 'hardwareConcurrency', { configurable: true, get: () => cores });
	try {
		return await start();
	} finally {
		if (own) Object.defineProperty(target, 'hardwareConcurrency', own);
		else delete (target as { hardwareConcurrency?: number }).hardwareConcurrency;
	}
}

let wasmRegistered: Promise<typeof import('@tensorflow/tfjs-backend-wasm')> | null = null;

async function registerWasm() {
	wasmRegistered ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) => {
		wasm.setWasmPaths({
			'tfjs-backend-wasm.wasm': wasmPlainUrl,
			'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
			'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl
		});
		return wasm;
	});
	return wasmRegistered;
}

/** This browser's isolation and core count, for `chooseWasmThreads`. */
function browserThreadEnv() {
	return {
		crossOriginIsolated: globalThis.crossOriginIsolated === true,
		hardwareConcurrency: globalThis.navigator?.hardwareConcurrency
	};
}

/**
 * Starts the wasm backend with `threads` XNNPACK threads (takes effect only on the backend's first
 * start: the thread pool is made once per page).
 */
async function startWasmWithThreads(tf: Tf, threads: number): Promise<boolean> {
	const wasm = await registerWasm();
	wasm.setThreadsCount(threads);
	const navigator = globalThis.navigator;
	if (threads <= 1 || !navigator) return tf.setBackend('wasm');
	return withReportedCores(navigator, reportedCoresFor(threads), () => tf.setBackend('wasm'));
}

export interface HostOptions {
	/** XNNPACK threads for the wasm backend; default `chooseWasmThreads()` for this browser. */
	wasmThreads?: number;
}

/** The real host: tfjs itself. */
export function tfBackendHost(tf: Tf, options: HostOptions = {}): BackendHost {
	return {
		async activate(name) {
			const threads = options.wasmThreads ?? chooseWasmThreads(browserThreadEnv());
			const ok = name === 'wasm' ? await startWasmWithThreads(tf, threads) : await tf.setBackend(name);
			if (ok) await tf.ready();
			return ok && tf.getBackend() === name;
		},
		async wasmFeatures() {
			const wasm = await registerWasm();
			const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
			return {
				simd,
				// XNNPACK reports -1 when it runs without a thread pool (on the calling thread only).
				threads: Math.max(1, wasm.getThreadsCount()),
				crossOriginIsolated: globalThis.crossOriginIsolated === true
			};
		}
	};
}

/** Loads tfjs and starts `preferred` (default: the saved choice, else WebGL), falling back as needed. */
export async function startRuntime(preferred: BackendName = loadBackendChoice() ?? 'webgl') {
	const tf = await loadTf();
	const info = await selectBackend(preferred, tfBackendHost(tf));
	return { tf, info };
}

/** The canvas of tfjs's WebGL context, when the WebGL backend is active. */
export function webglCanvas(tf: Tf): HTMLCanvasElement | OffscreenCanvas | null {
	if (tf.getBackend() !== 'webgl') return null;
	const backend = tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } };
	return backend.gpgpu?.gl?.canvas ?? null;
}

/**
 * Calls `onLost` once when the WebGL context of tfjs is lost. After that every tensor on WebGL is
 * gone: switch backend with `recoverFromContextLoss` and rebuild the networks from their weights.
 * Returns a function that stops watching.
 */
export function watchContextLoss(tf: Tf, onLost: () => void): () => void {
	const canvas = webglCanvas(tf);
	if (!canvas) return () => {};
	const listener = () => onLost();
	canvas.addEventListener('webglcontextlost', listener, { once: true });
	return () => canvas.removeEventListener('webglcontextlost', listener);
}

/** After a context loss: the next backend after WebGL, reported with reason 'webgl-context-lost'. */
export function recoverFromContextLoss(requested: BackendName, host: BackendHost): Promise<BackendInfo> {
	return selectBackend(requested, host, [{ backend: 'webgl', reason: 'webgl-context-lost' }]);
}

/**
 * Watches the WebGL context and, when it is lost, switches to the next backend and reports the new
 * `BackendInfo` (its `fallbacks` say 'webgl-context-lost'); the caller then rebuilds its networks,
 * whose WebGL tensors are gone. WebGL is not retried until the page reloads. Returns stop().
 */
export function fallBackOnContextLoss(
	tf: Tf,
	requested: BackendName,
	onFallback: (info: BackendInfo) => void,
	onError: (error: unknown) => void = (error) => console.error(error),
	host: BackendHost = tfBackendHost(tf)
): () => void {
	return watchContextLoss(tf, () => {
		recoverFromContextLoss(requested, host).then(onFallback, onError);
	});
}

const STORAGE_KEY = 'egn.backend.v1';

/** `localStorage`, or null where it is missing or throws (private modes, blocked cookies, Node). */
export function safeLocalStorage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

function isBackendName(value: unknown): value is BackendName {
	return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}

/** The reader's saved backend, or null if none (or storage is unavailable or holds junk). */
export function loadBackendChoice(storage: Storage | null = safeLocalStorage()): BackendName | null {
	try {
		const value = storage?.getItem(STORAGE_KEY);
		return isBackendName(value) ? value : null;
	} catch {
		return null;
	}
}

/** Saves the reader's explicit choice (not automatic fallbacks); false when storage refuses. */
export function saveBackendChoice(name: BackendName, storage: Storage | null = safeLocalStorage()): boolean {
	try {
		if (!storage) return false;
		storage.setItem(STORAGE_KEY, name);
		return true;
	} catch {
		return false;
	}
}

export interface MemorySnapshot {
	numTensors: number;
	numBytes: number;
	numDataBuffers: number;
}

/** The current tensor and byte counts. */
export function memorySnapshot(tf: Pick<Tf, 'memory'>): MemorySnapshot {
	const { numTensors, numBytes, numDataBuffers } = tf.memory();
	return { numTensors, numBytes, numDataBuffers };
}

/** Throws when more tensors are alive than at `baseline` (a leak), naming `label`. */
export function assertNoTensorLeak(tf: Pick<Tf, 'memory'>, baseline: MemorySnapshot, label = 'operation') {
	const now = memorySnapshot(tf);
	if (now.numTensors > baseline.numTensors) {
		const leaked = now.numTensors - baseline.numTensors;
		throw new Error(`${label} leaked ${leaked} tensor(s): ${baseline.numTensors} → ${now.numTensors}`);
	}
	return now;
}

/** Runs `fn` and reports how many tensors it left alive (0 for a clean function). */
export async function countLeakedTensors<T>(tf: Pick<Tf, 'memory'>, fn: () => T | Promise<T>) {
	const before = memorySnapshot(tf).numTensors;
	const result = await fn();
	return { result, leaked: memorySnapshot(tf).numTensors - before };
}
