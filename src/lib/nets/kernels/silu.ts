/**
 * SiLU in one pass over a float32 run in the tfjs wasm backend's memory: the SIMD loop of silu.wat,
 * instantiated on that memory (so nothing is copied), for the length's multiple of four; the last
 * values in JavaScript. Pure and synchronous; the tfjs kernel around it is in build-ops.ts.
 */
import { SILU_WASM } from './silu.binaries';

/** y[i] = x[i] / (1 + exp(−x[i])) for `count` floats at byte offsets `xByte` and `yByte`. */
export type SiluKernel = (xByte: number, yByte: number, count: number) => void;

const kernels = new WeakMap<WebAssembly.Memory, SiluKernel | null>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
	const text = atob(base64);
	return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** The variants that can import `memory`, best first (fused multiply-add where relaxed SIMD exists). */
export function siluVariants(memory: WebAssembly.Memory): Uint8Array<ArrayBuffer>[] {
	const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
	return (shared ? [SILU_WASM.relaxedShared, SILU_WASM.shared] : [SILU_WASM.relaxed, SILU_WASM.plain]).map(
		decode
	);
}

/** The loop of one variant on `memory` (`count` a multiple of 4). */
export function instantiateSilu(binary: Uint8Array<ArrayBuffer>, memory: WebAssembly.Memory): SiluKernel {
	// A module this small may be compiled synchronously, also on a page's main thread.
	const instance = new WebAssembly.Instance(new WebAssembly.Module(binary), { env: { memory } });
	return instance.exports.silu as SiluKernel;
}

/** The SiLU kernel on `memory`, or null where the browser has no wasm SIMD. */
export function siluKernel(memory: WebAssembly.Memory): SiluKernel | null {
	if (kernels.has(memory)) return kernels.get(memory)!;
	const binary = siluVariants(memory).find((b) => WebAssembly.validate(b));
	const loop = binary ? instantiateSilu(binary, memory) : null;
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
