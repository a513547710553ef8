/**
 * tfjs runtime: loads tfjs-core and the backends on demand, starts one backend (falling back with a
 * stated reason when it fails or WebGL loses its context), reads the WebGL renderer, and sets up the
 * wasm threads. Which backend to prefer is the live runtime's decision (`$lib/live/backend-policy`);
 * this module only carries it out. It runs in a Web Worker as well as in a page.
 *
 * tfjs is loaded with dynamic imports (`loadTf`, and one per backend), so code that never runs a
 * network never downloads it, and a page that stays on wasm never downloads the WebGL backend. The
 * wasm binaries are imported as URLs, so Vite emits them as assets of the site (self-hosted, same
 * version as the npm package); tfjs picks the SIMD build when the browser has SIMD, and the threaded
 * SIMD build when the context is cross-origin isolated (SharedArrayBuffer). With the threaded build,
 * XNNPACK gets `chooseWasmThreads()` threads (see `startWasmWithThreads` for why that takes more than
 * `setThreadsCount`).
 */
import type * as tfType from '@tensorflow/tfjs-core';
// Static: the runtime starts on wasm, and a separate chunk would cost one more round trip first.
import * as wasmBackend from '@tensorflow/tfjs-backend-wasm';
import type { BackendInfo, BackendName, Fallback, FallbackReason, WasmFeatures } from './backends';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type Tf = typeof tfType;

export { BACKENDS, chooseWasmThreads, MAX_WASM_THREADS } from './backends';
import { chooseWasmThreads } from './backends';

/** The backends a failure falls back to, in order: never an unmeasured WebGL. */
const FALLBACKS: readonly BackendName[] = ['wasm', 'cpu'];
export type { BackendInfo, BackendName, Fallback, FallbackReason, WasmFeatures } from './backends';

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

/** tfjs-core (no backend yet), imported on first call and shared afterwards. */
export function loadTf(): Promise<Tf> {
	tfModule ??= import('@tensorflow/tfjs-core').catch((error: unknown) => {
		tfModule = null;
		throw error;
	});
	return tfModule;
}

/** `preferred` first, then wasm and the CPU: WebGL is used only when chosen or measured faster. */
export function fallbackOrder(preferred: BackendName): BackendName[] {
	return [preferred, ...FALLBACKS.filter((b) => b !== preferred)];
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

let wasmPathsSet = false;

function registerWasm(): typeof wasmBackend {
	if (!wasmPathsSet) {
		wasmBackend.setWasmPaths({
			'tfjs-backend-wasm.wasm': wasmPlainUrl,
			'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
			'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl
		});
		wasmPathsSet = true;
	}
	return wasmBackend;
}

const registered: Partial<Record<'webgl' | 'cpu', Promise<unknown>>> = {};

/** Imports (and so registers) the WebGL or CPU backend once. */
function registerBackend(name: 'webgl' | 'cpu'): Promise<unknown> {
	registered[name] ??= (
		name === 'webgl' ? import('@tensorflow/tfjs-backend-webgl') : import('@tensorflow/tfjs-backend-cpu')
	).catch((error: unknown) => {
		delete registered[name];
		throw error;
	});
	return registered[name];
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
	const wasm = registerWasm();
	wasm.setThreadsCount(threads);
	// One thread needs no thread pool: the plain SIMD build starts without the threaded build's ~8
	// pthread workers, each of which would load the whole Emscripten module first.
	if (threads <= 1) {
		try {
			tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		} catch {
			// The flag is registered by tfjs-backend-wasm; without it there is nothing to turn off.
		}
	}
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
			if (name !== 'wasm') await registerBackend(name);
			const ok = name === 'wasm' ? await startWasmWithThreads(tf, threads) : await tf.setBackend(name);
			if (ok) await tf.ready();
			return ok && tf.getBackend() === name;
		},
		async wasmFeatures() {
			const wasm = registerWasm();
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

/** The canvas of tfjs's WebGL context, once the WebGL backend has started (active or not). */
export function webglCanvas(tf: Pick<Tf, 'findBackend'>): HTMLCanvasElement | OffscreenCanvas | null {
	const backend = tf.findBackend('webgl') as {
		gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
	} | null;
	return backend?.gpgpu?.gl?.canvas ?? null;
}

/**
 * Calls `onLost` once when the WebGL context of tfjs is lost. After that every tensor on WebGL is
 * gone: switch backend with `recoverFromContextLoss` and rebuild the networks from their weights.
 * Returns a function that stops watching.
 */
export function watchContextLoss(tf: Pick<Tf, 'findBackend'>, onLost: () => void): () => void {
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

/** What this context offers for WebGL: whether a context can be made, and its renderer's name. */
export interface WebglProbe {
	available: boolean;
	/** `WEBGL_debug_renderer_info`'s unmasked renderer where the browser exposes it, else RENDERER. */
	renderer: string | null;
}

/**
 * Makes a throwaway WebGL context (OffscreenCanvas in a worker, a canvas in a page) to see whether
 * WebGL exists and what renders it, then releases it.
 */
export function probeWebgl(): WebglProbe {
	let canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
	try {
		if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(1, 1);
		else if (typeof document !== 'undefined') canvas = document.createElement('canvas');
	} catch {
		canvas = null;
	}
	const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl') ?? null) as
		WebGLRenderingContext | WebGL2RenderingContext | null;
	if (!gl) return { available: false, renderer: null };
	try {
		const debug = gl.getExtension('WEBGL_debug_renderer_info');
		const renderer = gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
		return { available: true, renderer: typeof renderer === 'string' ? renderer : null };
	} finally {
		gl.getExtension('WEBGL_lose_context')?.loseContext();
	}
}
