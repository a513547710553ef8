/**
 * Channel concatenation of two NHWC maps in the tfjs wasm backend's memory with the SIMD copy loop of
 * concat.wat. Pure and synchronous; the tfjs kernel around it is in build-ops.ts, which falls back to
 * channel-concat.ts where the browser has no wasm SIMD.
 */
import type { ChannelConcatLayout } from '../channel-concat';
import { CONCAT_WASM } from './concat.binaries';
import { kernelOn } from './instantiate';

export type ConcatKernel = (layout: ChannelConcatLayout) => void;

const kernels = new WeakMap<WebAssembly.Memory, ConcatKernel | null>();

/** The concat kernel on `memory`, or null where the browser has no wasm SIMD. */
export function concatKernel(memory: WebAssembly.Memory): ConcatKernel | null {
	if (kernels.has(memory)) return kernels.get(memory)!;
	const loop = kernelOn(CONCAT_WASM, memory)?.concat as
		((a: number, b: number, out: number, pixels: number, aBytes: number, bBytes: number) => void) | undefined;
	const kernel: ConcatKernel | null = loop
		? ({ aByte, bByte, outByte, pixels, aChannels, bChannels }) => {
				if (aByte % 4 || bByte % 4 || outByte % 4) throw new Error('concat: offsets must be float-aligned');
				loop(aByte, bByte, outByte, pixels, aChannels * 4, bChannels * 4);
			}
		: null;
	kernels.set(memory, kernel);
	return kernel;
}
