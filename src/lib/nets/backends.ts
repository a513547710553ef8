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
