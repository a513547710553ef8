/**
 * SiLU in one pass over a float32 run in the tfjs wasm backend's memory: the SIMD loop of silu.wat for
 * the length's multiple of four, the last values in JavaScript. Pure and synchronous; the tfjs kernel
 * around it is in build-ops.ts.
 */
import { kernelOn } from './instantiate';
import { SILU_WASM } from './silu.binaries';

/** y[i] = x[i] / (1 + exp(−x[i])) for `count` floats at byte offsets `xByte` and `yByte`. */
export type SiluKernel = (xByte: number, yByte: number, count: number) => void;

const kernels = new WeakMap<WebAssembly.Memory, SiluKernel | null>();

/** The SiLU kernel on `memory`, or null where the browser has no wasm SIMD. */
export function siluKernel(memory: WebAssembly.Memory): SiluKernel | null {
	if (kernels.has(memory)) return kernels.get(memory)!;
	const loop = kernelOn(SILU_WASM, memory)?.silu as SiluKernel | undefined;
	const kernel: SiluKernel | null = loop
		? (xByte, yByte, count) => {
				const whole = count & ~3;
				loop(xByte, yByte, whole);
				if (whole === count) return;
				const floats = new Float32Array(memory.buffer);
				for (let i = whole; i < count; i++) {
					const v = floats[xByte / 4 + i];
					floats[yByte / 4 + i] = v / (1 + Math.exp(-v));
				}
			}
		: null;
	kernels.set(memory, kernel);
	return kernel;
}
