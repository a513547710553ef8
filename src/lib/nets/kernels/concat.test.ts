import { describe, expect, it } from 'vitest';
import { concatChannelsInto, type ChannelConcatLayout } from '../channel-concat';
import { CONCAT_WASM } from './concat.binaries';
import { concatKernel } from './concat';
import { instantiateOn, variantsFor } from './instantiate';

/** Distinct values for a and b, the output area filled with a marker that must be overwritten exactly. */
function fill(memory: WebAssembly.Memory, layout: ChannelConcatLayout) {
	const floats = new Float32Array(memory.buffer);
	const { aByte, bByte, outByte, pixels, aChannels, bChannels } = layout;
	for (let i = 0; i < pixels * aChannels; i++) floats[aByte / 4 + i] = 1 + i;
	for (let i = 0; i < pixels * bChannels; i++) floats[bByte / 4 + i] = -1 - i;
	floats.fill(7.5, outByte / 4 - 1, outByte / 4 + pixels * (aChannels + bChannels) + 1);
}

const out = (memory: WebAssembly.Memory, layout: ChannelConcatLayout) =>
	Array.from(
		new Float32Array(
			memory.buffer,
			layout.outByte - 4,
			layout.pixels * (layout.aChannels + layout.bChannels) + 2
		)
	);

const layouts: [string, ChannelConcatLayout][] = [
	[
		'GhostNet 112 × 112, 8 + 8',
		{ aByte: 64, bByte: 401_472, outByte: 802_880, pixels: 12_544, aChannels: 8, bChannels: 8 }
	],
	[
		'runs that are no multiple of 4 floats, unaligned to 16 bytes',
		{ aByte: 4, bByte: 1000, outByte: 2004, pixels: 9, aChannels: 3, bChannels: 5 }
	],
	['one channel, one pixel', { aByte: 8, bByte: 12, outByte: 40, pixels: 1, aChannels: 1, bChannels: 1 }],
	['long runs', { aByte: 0, bByte: 20_000, outByte: 40_000, pixels: 4, aChannels: 1030, bChannels: 480 }],
	['no pixels', { aByte: 0, bByte: 16, outByte: 32, pixels: 0, aChannels: 4, bChannels: 4 }]
];

describe('the channel-concat wasm kernel (concat.wat)', () => {
	it.each(layouts)('copies as channel-concat.ts does: %s', (_, layout) => {
		const memory = new WebAssembly.Memory({ initial: 32 });
		fill(memory, layout);
		concatChannelsInto(memory.buffer, layout);
		const expected = out(memory, layout);
		fill(memory, layout);
		const kernel = concatKernel(memory)!;
		expect(kernel).not.toBeNull();
		kernel(layout);
		expect(out(memory, layout)).toEqual(expected);
		expect(expected[0]).toBe(7.5);
		expect(expected.at(-1)).toBe(7.5);
	});

	it.each(layouts)('concat_add adds a residual as wide as the output: %s', (_, layout) => {
		const memory = new WebAssembly.Memory({ initial: 64 });
		const floats = layout.pixels * (layout.aChannels + layout.bChannels);
		const residualByte = 2_000_000;
		fill(memory, layout);
		concatChannelsInto(memory.buffer, layout);
		const residual = new Float32Array(memory.buffer, residualByte, floats);
		residual.forEach((_, i) => (residual[i] = 0.25 * i - 3));
		const expected = out(memory, layout).map((v, i) => (i === 0 || i > floats ? v : v + residual[i - 1]));
		fill(memory, layout);
		concatKernel(memory)!(layout, residualByte);
		expect(out(memory, layout)).toEqual(expected);
	});

	it('refuses offsets that are not float-aligned', () => {
		const memory = new WebAssembly.Memory({ initial: 1 });
		expect(() => concatKernel(memory)!({ ...layouts[2][1], bByte: 13 })).toThrow(/float-aligned/);
		expect(() => concatKernel(memory)!(layouts[2][1], 6)).toThrow(/float-aligned/);
	});

	it('imports a shared memory (the threaded tfjs build) as it is', () => {
		const memory = new WebAssembly.Memory({ initial: 32, maximum: 64, shared: true });
		expect(variantsFor(CONCAT_WASM, memory).length).toBe(1);
		const layout = layouts[1][1];
		fill(memory, layout);
		concatChannelsInto(memory.buffer, layout);
		const expected = out(memory, layout);
		fill(memory, layout);
		const loop = instantiateOn(variantsFor(CONCAT_WASM, memory)[0], memory).concat as (
			...args: number[]
		) => void;
		loop(
			layout.aByte,
			layout.bByte,
			layout.outByte,
			layout.pixels,
			layout.aChannels * 4,
			layout.bChannels * 4
		);
		expect(out(memory, layout)).toEqual(expected);
		expect(concatKernel(memory)).not.toBeNull();
	});
});
