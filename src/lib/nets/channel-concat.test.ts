import { describe, expect, it } from 'vitest';
import { COPY_WITHIN_MIN_FLOATS, concatChannelsInto } from './channel-concat';

/** a and b filled with distinct values, placed at the given float offsets in one buffer. */
function heapWith(pixels: number, ca: number, cb: number, at: { a: number; b: number; out: number }) {
	const heap = new Float32Array(at.out + pixels * (ca + cb) + 8);
	heap.fill(-1);
	const a = Float32Array.from({ length: pixels * ca }, (_, i) => 1000 + i);
	const b = Float32Array.from({ length: pixels * cb }, (_, i) => -1000 - i);
	heap.set(a, at.a);
	heap.set(b, at.b);
	return { heap, a, b };
}

function expected(a: Float32Array, b: Float32Array, pixels: number, ca: number, cb: number): number[] {
	const out: number[] = [];
	for (let p = 0; p < pixels; p++)
		out.push(...a.subarray(p * ca, (p + 1) * ca), ...b.subarray(p * cb, (p + 1) * cb));
	return out;
}

describe('concatChannelsInto', () => {
	const cases: [string, number, number, number, { a: number; b: number; out: number }][] = [
		['even runs, 8-byte aligned (float64 pairs)', 50, 12, 12, { a: 0, b: 600, out: 1200 }],
		['odd channel counts', 33, 3, 5, { a: 0, b: 100, out: 300 }],
		['4-byte aligned only', 20, 4, 6, { a: 1, b: 81, out: 203 }],
		['unequal runs, one long', 7, 4, COPY_WITHIN_MIN_FLOATS + 2, { a: 2, b: 30, out: 1000 }],
		[
			'long runs on both sides',
			5,
			COPY_WITHIN_MIN_FLOATS,
			2 * COPY_WITHIN_MIN_FLOATS + 1,
			{ a: 0, b: 640, out: 2600 }
		],
		['a single pixel', 1, 2, 2, { a: 0, b: 2, out: 4 }]
	];
	for (const [name, pixels, ca, cb, at] of cases) {
		it(`interleaves per pixel: ${name}`, () => {
			const { heap, a, b } = heapWith(pixels, ca, cb, at);
			concatChannelsInto(heap.buffer, {
				aByte: at.a * 4,
				bByte: at.b * 4,
				outByte: at.out * 4,
				pixels,
				aChannels: ca,
				bChannels: cb
			});
			const n = pixels * (ca + cb);
			expect(Array.from(heap.subarray(at.out, at.out + n))).toEqual(expected(a, b, pixels, ca, cb));
			const inside = (i: number, from: number, length: number) => i >= from && i < from + length;
			const strays = [...heap.keys()].filter(
				(i) =>
					!inside(i, at.a, pixels * ca) &&
					!inside(i, at.b, pixels * cb) &&
					!inside(i, at.out, n) &&
					heap[i] !== -1
			);
			expect(strays).toEqual([]);
		});
	}

	it('leaves its inputs unchanged', () => {
		const at = { a: 0, b: 40, out: 100 };
		const { heap, a, b } = heapWith(10, 4, 4, at);
		concatChannelsInto(heap.buffer, {
			aByte: 0,
			bByte: 160,
			outByte: 400,
			pixels: 10,
			aChannels: 4,
			bChannels: 4
		});
		expect(heap.subarray(0, 40)).toEqual(a);
		expect(heap.subarray(40, 80)).toEqual(b);
	});

	it('rejects offsets that are not float-aligned', () => {
		const heap = new Float32Array(64);
		expect(() =>
			concatChannelsInto(heap.buffer, {
				aByte: 2,
				bByte: 64,
				outByte: 128,
				pixels: 2,
				aChannels: 2,
				bChannels: 2
			})
		).toThrow(/aligned/);
	});
});
