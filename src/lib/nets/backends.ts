/** The tfjs backends by name, and how a runtime reports the one it uses (pure; no tfjs). */

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** All backends, in the order the backend choice lists them. */
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
