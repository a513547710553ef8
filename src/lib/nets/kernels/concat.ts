/**
 * Channel concatenation of two NHWC maps in the tfjs wasm backend's memory with the SIMD copy loop of
 * concat.wat, optionally adding a residual map of the joined width on the way. Pure and synchronous;
 * the tfjs kernel around it is in build-ops.ts, which falls back to channel-concat.ts (and, for the
 * sum, tfjs's Add) where the browser has no wasm SIMD.
 */
import type { ChannelConcatLayout } from '../channel-concat';
import { CONCAT_WASM } from './concat.binaries';
import { kernelOn } from './instantiate';

/** With `residualByte`: out = concat(a, b) + the map there (as wide as out). */
export type ConcatKernel = (layout: ChannelConcatLayout, residualByte?: number) => void;

const kernels = new WeakMap<WebAssembly.Memory, ConcatKernel | null>();

/** The concat kernel on `memory`, or null where the browser has no wasm SIMD. */
export function concatKernel(memory: WebAssembly.Memory): ConcatKernel | null {
	if (kernels.has(memory)) return kernels.get(memory)!;
	const exports = kernelOn(CONCAT_WASM, memory);
	type Loop = (...offsetsThenSizes: number[]) => void;
	const concat = exports?.concat as Loop;
	const concatAdd = exports?.concat_add as Loop;
	const kernel: ConcatKernel | null = exports
		? ({ aByte, bByte, outByte, pixels, aChannels, bChannels }, residualByte) => {
				if ((aByte | bByte | outByte | (residualByte ?? 0)) % 4)
					throw new Error('concat: offsets must be float-aligned');
				if (residualByte === undefined) concat(aByte, bByte, outByte, pixels, aChannels * 4, bChannels * 4);
				else concatAdd(aByte, bByte, residualByte, outByte, pixels, aChannels * 4, bChannels * 4);
			}
		: null;
	kernels.set(memory, kernel);
	return kernel;
}
