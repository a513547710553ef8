/**
 * Which tfjs backend the live runtime runs on (pure decisions; the host carries them out).
 *
 * - The reader's explicit choice always wins, and is remembered by the page.
 * - Otherwise the runtime starts on wasm, which starts in well under a second on any machine, so the
 *   first result comes from it.
 * - Once a result is on screen, WebGL is looked at in the background: skipped at once when the
 *   browser has none or renders it in software (SwiftShader, llvmpipe: always slower than wasm here,
 *   and their shader compiles take seconds), else the network is built on WebGL, its shaders compiled,
 *   and both backends timed on the same network and input. WebGL takes over only when it measured
 *   faster. tfjs's WebGPU backend is not used: it is not part of the tfjs 4 release we ship and has not
 *   been through our parity tests.
 */
import type { BackendName } from '$lib/nets/tf';

/** The backend to start on. */
export function initialBackend(choice: BackendName | null): BackendName {
	return choice ?? 'wasm';
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

/** A renderer that draws on the CPU (its name, as WEBGL_debug_renderer_info reports it). */
export function isSoftwareRenderer(renderer: string | null): boolean {
	return renderer !== null && SOFTWARE_RENDERERS.test(renderer);
}

export type GpuPlan = 'not-needed' | 'unavailable' | 'software' | 'measure';

/** Whether to measure WebGL, given the reader's choice and what a throwaway context reported. */
export function gpuPlan(
	choice: BackendName | null,
	probe: { available: boolean; renderer: string | null }
): GpuPlan {
	if (choice !== null) return 'not-needed';
	if (!probe.available) return 'unavailable';
	if (isSoftwareRenderer(probe.renderer)) return 'software';
	return 'measure';
}

/**
 * WebGL takes over only when its median beats the current backend's by a margin: a tie on paper is
 * noise, and staying put keeps the memory of one copy of the weights and the startup already paid.
 */
export const SWITCH_MARGIN = 0.9;

/** Whether WebGL measured fast enough to replace the backend in use. */
export function webglWins(currentMs: number, webglMs: number): boolean {
	return Number.isFinite(webglMs) && webglMs < SWITCH_MARGIN * currentMs;
}

/** Timed runs per backend when measuring (after one untimed run each). */
export const MEASURE_RUNS = 5;
