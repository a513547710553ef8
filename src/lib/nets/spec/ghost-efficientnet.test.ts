import { describe, expect, it } from 'vitest';
import { cost } from '../cost';
import { efficientnet, EFFICIENTNET_VARIANTS } from './efficientnet';
import { ghostEfficientNet } from './ghost-efficientnet';
import { SpecError, type EfficientNetVariant } from './types';

const blockCost = (spec: ReturnType<typeof efficientnet>, name: string) =>
	cost(spec)
		.stages.flatMap((s) => s.blocks)
		.find((b) => b.name === name)!;

describe('ghostEfficientNet', () => {
	it.each(Object.keys(EFFICIENTNET_VARIANTS) as EfficientNetVariant[])(
		's = 1 gives back the costs of %s exactly (in total, per stage, per block)',
		(variant) => {
			const original = cost(efficientnet({ variant }));
			const swapped = cost(ghostEfficientNet(efficientnet({ variant }), { ratio: 1 }));
			expect(swapped.params).toBe(original.params);
			expect(swapped.macs).toBe(original.macs);
			const perBlock = (c: typeof original) =>
				c.stages.flatMap((s) => [[s.params, s.macs], ...s.blocks.map((b) => [b.params, b.macs])]);
			expect(perBlock(swapped)).toEqual(perBlock(original));
		}
	);

	it('s = 2 matches a hand count for B0 blocks.1.0 (16 → 96 → 24, 112² in, 3×3 stride 2, SE 4)', () => {
		const spec = ghostEfficientNet(efficientnet({ variant: 'b0' }), { ratio: 2 });
		const block = spec.stages[1].blocks[0];
		expect(block.layers.map((l) => [l.key, l.op, l.inChannels, l.outChannels, l.kernel])).toEqual([
			['blocks.1.0.conv_pw.primary_conv.0', 'conv', 16, 48, 1],
			['blocks.1.0.conv_pw.primary_conv.1', 'bn', 48, 48, 1],
			['blocks.1.0.conv_pw.cheap_operation.0', 'depthwise', 48, 48, 3],
			['blocks.1.0.conv_pw.cheap_operation.1', 'bn', 48, 48, 1],
			['blocks.1.0.conv_dw', 'depthwise', 96, 96, 3],
			['blocks.1.0.bn2', 'bn', 96, 96, 1],
			['blocks.1.0.se.conv_reduce', 'conv', 96, 4, 1],
			['blocks.1.0.se.conv_expand', 'conv', 4, 96, 1],
			['blocks.1.0.conv_pwl.primary_conv.0', 'conv', 96, 12, 1],
			['blocks.1.0.conv_pwl.primary_conv.1', 'bn', 12, 12, 1],
			['blocks.1.0.conv_pwl.cheap_operation.0', 'depthwise', 12, 12, 3],
			['blocks.1.0.conv_pwl.cheap_operation.1', 'bn', 12, 12, 1]
		]);
		// MACs by hand: expand primary 112·112·48·16, expand cheap 112·112·48·9, depthwise 56·56·96·9,
		// SE 96·4 + 4·96, project primary 56·56·12·96, project cheap 56·56·12·9.
		const macs = 9_633_792 + 5_419_008 + 2_709_504 + 384 + 384 + 3_612_672 + 338_688;
		// Params: 16·48 + BN 96, 48·9 + BN 96, 96·9 + BN 192, SE 96·4 + 4 and 4·96 + 96,
		// 96·12 + BN 24, 12·9 + BN 24.
		const params = 768 + 96 + 432 + 96 + 864 + 192 + 388 + 480 + 1152 + 24 + 108 + 24;
		expect(blockCost(spec, 'blocks.1.0')).toMatchObject({ macs, params });
		// Against the original block: the 1×1 expand (112·112·96·16) and project (56·56·24·96) convs.
		const original = blockCost(efficientnet({ variant: 'b0' }), 'blocks.1.0');
		expect(original.macs - macs).toBe(19_267_584 + 7_225_344 - (9_633_792 + 5_419_008 + 3_612_672 + 338_688));
	});

	it('swaps the depthwise-separable block’s project conv and leaves stem, head and classifier alone', () => {
		const b0 = efficientnet({ variant: 'b0' });
		const spec = ghostEfficientNet(b0, { ratio: 3 });
		// blocks.0.0 conv_pw: 32 → 16 on 112²; s = 3 gives ⌈16/3⌉ = 6 intrinsic and 12 ghost maps (16 kept).
		const keys = spec.stages[0].blocks[0].layers.filter((l) => l.role === 'primary' || l.role === 'cheap');
		expect(keys.map((l) => [l.key, l.outChannels])).toEqual([
			['blocks.0.0.conv_pw.primary_conv.0', 6],
			['blocks.0.0.conv_pw.primary_conv.1', 6],
			['blocks.0.0.conv_pw.cheap_operation.0', 12],
			['blocks.0.0.conv_pw.cheap_operation.1', 12]
		]);
		expect(spec.stem).toEqual(b0.stem);
		expect(spec.head).toEqual(b0.head);
		expect(spec.classifier).toEqual(b0.classifier);
		expect(spec.layers.filter((l) => l.role === 'expand' || l.role === 'project')).toEqual([]);
		expect(spec.name).toBe('efficientnet_b0_ghost_s3');
		expect(spec.ghostModules).toEqual({ ratio: 3, cheapKernel: 3 });
		// 16 blocks: 15 MBConv with two modules each, the DS block with one.
		expect(spec.layers.filter((l) => l.role === 'primary' && l.op === 'conv')).toHaveLength(31);
	});

	it('keeps every activation (SiLU after expand, none after project) and does not change its input', () => {
		const b0 = efficientnet({ variant: 'b0' });
		const before = JSON.stringify(b0);
		const spec = ghostEfficientNet(b0, { ratio: 2 });
		expect(JSON.stringify(b0)).toBe(before);
		const acts = spec.stages[1].blocks[1].layers.filter((l) => l.op === 'bn').map((l) => l.activation);
		expect(acts).toEqual(['silu', 'silu', 'silu', 'none', 'none']);
		expect(cost(spec).macs).toBeLessThan(cost(b0).macs);
	});

	it('rejects ratios and cheap kernels out of range', () => {
		const b0 = efficientnet({ variant: 'b0' });
		expect(() => ghostEfficientNet(b0, { ratio: 0 })).toThrow(SpecError);
		expect(() => ghostEfficientNet(b0, { ratio: 2.5 })).toThrow(SpecError);
		expect(() => ghostEfficientNet(b0, { ratio: 2, cheapKernel: 4 })).toThrow(SpecError);
	});
});
