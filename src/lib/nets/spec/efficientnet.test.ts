import { describe, expect, it } from 'vitest';
import b0Keys from '../../../../tests/fixtures/reference/timm_efficientnet_b0_keys.json';
import { efficientnet } from './efficientnet';
import { timmStateDict } from './state-dict';
import { SpecError, type EfficientNetVariant } from './types';

// facts.md A.7: stem, repeats per stage, out channels per stage, head.
const A7: Record<EfficientNetVariant, [number, number[], number[], number]> = {
	b0: [32, [1, 2, 2, 3, 3, 4, 1], [16, 24, 40, 80, 112, 192, 320], 1280],
	b1: [32, [2, 3, 3, 4, 4, 5, 2], [16, 24, 40, 80, 112, 192, 320], 1280],
	b2: [32, [2, 3, 3, 4, 4, 5, 2], [16, 24, 48, 88, 120, 208, 352], 1408],
	b3: [40, [2, 3, 3, 5, 5, 6, 2], [24, 32, 48, 96, 136, 232, 384], 1536],
	b4: [48, [2, 4, 4, 6, 6, 8, 2], [24, 32, 56, 112, 160, 272, 448], 1792],
	b5: [48, [3, 5, 5, 7, 7, 9, 3], [24, 40, 64, 128, 176, 304, 512], 2048],
	b6: [56, [3, 6, 6, 8, 8, 11, 3], [32, 40, 72, 144, 200, 344, 576], 2304],
	b7: [64, [4, 7, 7, 10, 10, 13, 4], [32, 48, 80, 160, 224, 384, 640], 2560]
};

// facts.md A.4 resolutions.
const RESOLUTION: Record<EfficientNetVariant, number> = {
	b0: 224,
	b1: 240,
	b2: 260,
	b3: 300,
	b4: 380,
	b5: 456,
	b6: 528,
	b7: 600
};

// facts.md A.7 B0 block table: type, k, s, pad, in, mid, SE rd, out, residual, H in, H out.
const B0_BLOCKS: [
	string,
	string,
	number,
	number,
	number,
	number,
	number,
	number,
	number,
	boolean,
	number,
	number
][] = [
	['blocks.0.0', 'ds', 3, 1, 1, 32, 32, 8, 16, false, 112, 112],
	['blocks.1.0', 'ir', 3, 2, 1, 16, 96, 4, 24, false, 112, 56],
	['blocks.1.1', 'ir', 3, 1, 1, 24, 144, 6, 24, true, 56, 56],
	['blocks.2.0', 'ir', 5, 2, 2, 24, 144, 6, 40, false, 56, 28],
	['blocks.2.1', 'ir', 5, 1, 2, 40, 240, 10, 40, true, 28, 28],
	['blocks.3.0', 'ir', 3, 2, 1, 40, 240, 10, 80, false, 28, 14],
	['blocks.3.1', 'ir', 3, 1, 1, 80, 480, 20, 80, true, 14, 14],
	['blocks.3.2', 'ir', 3, 1, 1, 80, 480, 20, 80, true, 14, 14],
	['blocks.4.0', 'ir', 5, 1, 2, 80, 480, 20, 112, false, 14, 14],
	['blocks.4.1', 'ir', 5, 1, 2, 112, 672, 28, 112, true, 14, 14],
	['blocks.4.2', 'ir', 5, 1, 2, 112, 672, 28, 112, true, 14, 14],
	['blocks.5.0', 'ir', 5, 2, 2, 112, 672, 28, 192, false, 14, 7],
	['blocks.5.1', 'ir', 5, 1, 2, 192, 1152, 48, 192, true, 7, 7],
	['blocks.5.2', 'ir', 5, 1, 2, 192, 1152, 48, 192, true, 7, 7],
	['blocks.5.3', 'ir', 5, 1, 2, 192, 1152, 48, 192, true, 7, 7],
	['blocks.6.0', 'ir', 3, 1, 1, 192, 1152, 48, 320, false, 7, 7]
];

describe('efficientnet variants (facts.md A.7)', () => {
	for (const [variant, [stem, repeats, outs, head]] of Object.entries(A7)) {
		it(`${variant}: stem, repeats, stage channels, head, resolution`, () => {
			const spec = efficientnet({ variant: variant as EfficientNetVariant });
			expect(spec.stem[0].outChannels).toBe(stem);
			expect(spec.stages.map((s) => s.blocks.length)).toEqual(repeats);
			expect(spec.stages.map((s) => s.output[2])).toEqual(outs);
			expect(spec.head[0].outChannels).toBe(head);
			expect(spec.resolution).toBe(RESOLUTION[variant as EfficientNetVariant]);
			expect(spec.classifier.weightShape).toEqual([1000, head]);
		});
	}

	it('B0 block by block (type, kernel, stride, padding, channels, SE, residual, spatial size)', () => {
		const blocks = efficientnet({ variant: 'b0' }).stages.flatMap((s) => s.blocks);
		const rows = blocks.map((b) => {
			const dw = b.layers.find((l) => l.role === 'depthwise')!;
			const res = b.shortcut === 'identity';
			return [
				b.name,
				b.type,
				b.kernel,
				b.stride,
				dw.padding,
				b.inChannels,
				b.midChannels,
				b.seWidth,
				b.outChannels,
				res,
				b.input[0],
				b.output[0]
			];
		});
		expect(rows).toEqual(B0_BLOCKS);
	});

	it('from B1 on, the extra stage-0 DS blocks (16 -> 16) have a residual', () => {
		const stage0 = efficientnet({ variant: 'b1' }).stages[0].blocks;
		expect(stage0.map((b) => [b.type, b.inChannels, b.outChannels, b.shortcut])).toEqual([
			['ds', 32, 16, 'none'],
			['ds', 16, 16, 'identity']
		]);
	});

	it('B0 implies exactly the timm efficientnet_b0 state_dict (keys, order, shapes)', () => {
		const expected = b0Keys.filter((e) => !e.key.endsWith('num_batches_tracked'));
		expect(timmStateDict(efficientnet({ variant: 'b0' })).map(({ key, shape }) => ({ key, shape }))).toEqual(
			expected
		);
	});

	it('stem is 3x3 stride 2 padding 1, head 1x1, classifier on the head width', () => {
		const spec = efficientnet({ variant: 'b0' });
		expect(spec.stem[0]).toMatchObject({
			key: 'conv_stem',
			kernel: 3,
			stride: 2,
			padding: 1,
			input: [224, 224, 3],
			output: [112, 112, 32]
		});
		expect(spec.stem[1]).toMatchObject({ key: 'bn1', op: 'bn', activation: 'silu' });
		expect(spec.features).toEqual([7, 7, 1280]);
	});

	it('layers chain: every layer input is the previous output inside a block (except SE on the pooled map)', () => {
		for (const block of efficientnet({ variant: 'b3' }).stages.flatMap((s) => s.blocks)) {
			const main = block.layers.filter((l) => l.role !== 'se');
			expect(main[0].input).toEqual(block.input);
			for (let i = 1; i < main.length; i++) expect(main[i].input).toEqual(main[i - 1].output);
			expect(main[main.length - 1].output).toEqual(block.output);
		}
	});

	it('is plain JSON data', () => {
		const spec = efficientnet({ variant: 'b2', numClasses: 10 });
		expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
		expect(spec.classifier.outChannels).toBe(10);
	});
});

describe('efficientnet compound scaling from φ', () => {
	it('φ = 0 is B0', () => {
		const spec = efficientnet({ phi: 0 });
		const b0 = efficientnet({ variant: 'b0' });
		expect(spec.resolution).toBe(224);
		expect(spec.layers.map((l) => l.weightShape)).toEqual(b0.layers.map((l) => l.weightShape));
	});

	it('φ = 1 with the paper coefficients: d = 1.2, w = 1.1, r = round(224·1.15) = 258', () => {
		const spec = efficientnet({ phi: 1 });
		expect(spec.config.depth).toBeCloseTo(1.2, 12);
		expect(spec.config.width).toBeCloseTo(1.1, 12);
		expect(spec.resolution).toBe(258);
		// ceil(1.2 × [1,2,2,3,3,4,1])
		expect(spec.stages.map((s) => s.blocks.length)).toEqual([2, 3, 3, 4, 4, 5, 2]);
	});

	it('accepts φ < 0 and non-integer φ', () => {
		const small = efficientnet({ phi: -2 });
		expect(small.resolution).toBe(Math.round(224 * 1.15 ** -2));
		expect(small.stages.map((s) => s.blocks.length)).toEqual([1, 2, 2, 3, 3, 3, 1]);
		const half = efficientnet({ phi: 2.5, alpha: 1.3, beta: 1.05, gamma: 1.1 });
		expect(half.config.depth).toBeCloseTo(1.3 ** 2.5, 12);
		expect(half.resolution).toBe(Math.round(224 * 1.1 ** 2.5));
	});

	it('explicit multipliers match the small parity fixture structure (w 0.25, d 0.5, r 64)', () => {
		const spec = efficientnet({ width: 0.25, depth: 0.5, resolution: 64, numClasses: 10 });
		expect(spec.stages.map((s) => s.output)).toEqual([
			[32, 32, 8],
			[16, 16, 8],
			[8, 8, 16],
			[4, 4, 24],
			[4, 4, 32],
			[2, 2, 48],
			[2, 2, 80]
		]);
		expect(spec.features).toEqual([2, 2, 320]);
	});
});

describe('efficientnet bad input', () => {
	const bad: [string, object][] = [
		['phi too large', { phi: 13 }],
		['phi NaN', { phi: NaN }],
		['phi not a number', { phi: '1' }],
		['alpha 0', { phi: 1, alpha: 0 }],
		['width 0', { width: 0, depth: 1 }],
		['width negative', { width: -1, depth: 1 }],
		['width Infinity', { width: Infinity, depth: 1 }],
		['depth too large', { width: 1, depth: 11 }],
		['resolution too small', { width: 1, depth: 1, resolution: 15 }],
		['resolution too large', { width: 1, depth: 1, resolution: 1201 }],
		['resolution not an integer', { width: 1, depth: 1, resolution: 100.5 }],
		['numClasses 0', { variant: 'b0', numClasses: 0 }],
		['unknown variant', { variant: 'b9' }],
		['no options', {}]
	];
	for (const [what, options] of bad) {
		it(`throws SpecError: ${what}`, () => {
			expect(() => efficientnet(options as never)).toThrow(SpecError);
		});
	}

	it('names the field', () => {
		try {
			efficientnet({ phi: 1, gamma: 3 });
			expect.unreachable();
		} catch (e) {
			expect((e as SpecError).field).toBe('gamma');
		}
	});

	it('whole φ range resolves quickly at the extremes', () => {
		const t0 = Date.now();
		expect(efficientnet({ phi: -4 }).resolution).toBe(Math.round(224 * 1.15 ** -4));
		expect(efficientnet({ phi: 12 }).resolution).toBe(Math.round(224 * 1.15 ** 12));
		expect(Date.now() - t0).toBeLessThan(500);
	});
});
