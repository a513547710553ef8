import { describe, expect, it } from 'vitest';
import { receptiveFields } from './receptive-field';
import { efficientnet } from './spec/efficientnet';

/**
 * B0 written out from facts.md A.1/A.5: the stem (3×3, stride 2), then per stage (kernel, repeats,
 * stride of the first block). Each block has one k×k depthwise conv; its 1×1 convs do not grow the field.
 */
const STEM = { kernel: 3, stride: 2 };
const B0_STAGES = [
	{ kernel: 3, repeats: 1, stride: 1 },
	{ kernel: 3, repeats: 2, stride: 2 },
	{ kernel: 5, repeats: 2, stride: 2 },
	{ kernel: 3, repeats: 3, stride: 2 },
	{ kernel: 5, repeats: 3, stride: 1 },
	{ kernel: 5, repeats: 4, stride: 2 },
	{ kernel: 3, repeats: 1, stride: 1 }
];

function direct(depthRepeats: (repeats: number) => number = (r) => r): number[] {
	let size = STEM.kernel;
	let jump = STEM.stride;
	const sizes = [size];
	for (const stage of B0_STAGES) {
		for (let i = 0; i < depthRepeats(stage.repeats); i++) {
			size += (stage.kernel - 1) * jump;
			jump *= i === 0 ? stage.stride : 1;
		}
		sizes.push(size);
	}
	return sizes;
}

describe('receptiveFields', () => {
	it("B0's stages match a direct computation from the kernel and stride list of facts.md A.1", () => {
		const rows = receptiveFields(efficientnet({ variant: 'b0' }));
		expect(rows.map((r) => r.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(rows.map((r) => r.size)).toEqual(direct());
	});

	it('B0 by hand: 3, 7, 19, 67, 147, 339, 787, 851 px; jumps 2 … 32', () => {
		const rows = receptiveFields(efficientnet({ variant: 'b0' }));
		expect(rows.map((r) => r.size)).toEqual([3, 7, 19, 67, 147, 339, 787, 851]);
		expect(rows.map((r) => r.jump)).toEqual([2, 2, 4, 8, 16, 16, 32, 32]);
		expect(rows[3].fraction).toBeCloseTo(67 / 224, 12);
	});

	it('a small case by hand: depth 0.5 gives repeats 1,1,1,2,2,2,1 (ceil) and fields 3 … 459 px', () => {
		// stem 3 (j 2); k3: 7; k3 s2: 11 (j 4); k5 s2: 27 (j 8); k3 s2: 43 (j 16), k3: 75;
		// k5: 139, 203; k5 s2: 267 (j 32), k5: 395; k3: 459.
		const rows = receptiveFields(efficientnet({ width: 1, depth: 0.5, resolution: 224 }));
		expect(rows.map((r) => r.size)).toEqual([3, 7, 11, 27, 75, 203, 395, 459]);
		expect(rows.map((r) => r.size)).toEqual(direct((r) => Math.ceil(r * 0.5)));
	});

	it('resolution alone leaves the field in pixels unchanged, so its fraction of the image shrinks', () => {
		const base = receptiveFields(efficientnet({ width: 1, depth: 1, resolution: 224 }));
		const large = receptiveFields(efficientnet({ width: 1, depth: 1, resolution: 448 }));
		expect(large.map((r) => r.size)).toEqual(base.map((r) => r.size));
		expect(large[7].fraction).toBeCloseTo(base[7].fraction / 2, 12);
	});

	it('more depth grows the field; width does not', () => {
		const deeper = receptiveFields(efficientnet({ width: 1, depth: 2, resolution: 224 }));
		const wider = receptiveFields(efficientnet({ width: 2, depth: 1, resolution: 224 }));
		expect(deeper[7].size).toBeGreaterThan(851);
		expect(wider[7].size).toBe(851);
	});
});
