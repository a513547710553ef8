import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import { stageRows } from '$lib/viz/scaling/stage-table';
import { activationCurves, mbconvBlocks, mbconvSteps, stepRows } from './mbconv-steps';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('mbconvSteps', () => {
	it('blocks.1.0 of B0 by hand: 16→96→24 at 112→56, no residual (stride 2)', () => {
		const b0 = efficientnet({ variant: 'b0' });
		const s = mbconvSteps(b0.stages[1].blocks[0]);
		expect(s.steps.map((x) => x.kind)).toEqual([
			'input',
			'expand',
			'bn-silu',
			'depthwise',
			'bn-silu',
			'se-pool',
			'se-reduce',
			'se-silu',
			'se-expand',
			'se-sigmoid',
			'se-scale',
			'project',
			'bn'
		]);
		const by = Object.fromEntries(s.steps.map((x) => [x.kind, x]));
		// expand 1×1: 16·96 weights, 112²·96·16 MACs; depthwise 3×3 s2: 96·9, 56²·96·9;
		// SE (rd 4, facts.md A.7): 96·4 + 4 and 4·96 + 96; project 96·24, 56²·24·96.
		expect(by.expand).toMatchObject({ shape: [112, 112, 96], params: 1536, macs: 112 * 112 * 96 * 16 });
		expect(by.depthwise).toMatchObject({
			shape: [56, 56, 96],
			params: 864,
			macs: 56 * 56 * 96 * 9,
			stride: 2
		});
		expect(by['se-reduce']).toMatchObject({ shape: [1, 1, 4], params: 388, macs: 384 });
		expect(by['se-expand']).toMatchObject({ shape: [1, 1, 96], params: 480, macs: 384 });
		expect(by['se-scale'].shape).toEqual([56, 56, 96]);
		expect(by.project).toMatchObject({ shape: [56, 56, 24], params: 2304, macs: 56 * 56 * 24 * 96 });
		expect(by.bn.params).toBe(48);
		expect(s.noResidual).toBe('stride');
	});

	it('blocks.1.1 ends with the residual add; stage 1 (DS) has no expand', () => {
		const b0 = efficientnet({ variant: 'b0' });
		expect(mbconvSteps(b0.stages[1].blocks[1]).steps.at(-1)!.kind).toBe('residual');
		const ds = mbconvSteps(b0.stages[0].blocks[0]);
		expect(ds.steps.some((x) => x.kind === 'expand')).toBe(false);
		expect(ds.noResidual).toBe('channels');
		expect(mbconvSteps(b0.stages[4].blocks[0]).noResidual).toBe('channels');
	});

	for (const options of [{ variant: 'b0' as const }, { variant: 'b4' as const }, { phi: 2.3 }]) {
		it(`steps sum to each block of cost(spec) and to each stage row of the table (${JSON.stringify(options)})`, () => {
			const spec = efficientnet(options);
			const netCost = cost(spec);
			const rows = stageRows(spec, netCost);
			spec.stages.forEach((stage, i) => {
				let stageMacs = 0;
				let stageParams = 0;
				stage.blocks.forEach((block, j) => {
					const steps = mbconvSteps(block).steps;
					expect(sum(steps.map((x) => x.macs))).toBe(netCost.stages[i].blocks[j].macs);
					expect(sum(steps.map((x) => x.params))).toBe(netCost.stages[i].blocks[j].params);
					stageMacs += sum(steps.map((x) => x.macs));
					stageParams += sum(steps.map((x) => x.params));
				});
				expect(stageMacs).toBe(rows[i + 1].macs);
				expect(stageParams).toBe(rows[i + 1].params);
			});
		});
	}

	it('B0: the blocks, stem and head add up to facts.md A.7/B (5,288,548 params, 385.8 M MACs)', () => {
		const spec = efficientnet({ variant: 'b0' });
		const netCost = cost(spec);
		const blocks = mbconvBlocks(spec.stages).flatMap((b) => mbconvSteps(b).steps);
		const params = sum(blocks.map((x) => x.params)) + netCost.stem.params + netCost.head.params;
		const macs = sum(blocks.map((x) => x.macs)) + netCost.stem.macs + netCost.head.macs;
		expect(mbconvBlocks(spec.stages)).toHaveLength(16);
		expect(params).toBe(5_288_548);
		expect(Math.abs(macs - 385.8e6) / 385.8e6).toBeLessThan(1e-3);
	});
});

describe('activationCurves', () => {
	it('SiLU(0) = 0, SiLU(x) → x for large x, its minimum is about −0.278 near x = −1.28; ReLU is max(0, x)', () => {
		const points = activationCurves(-5, 3, 801);
		expect(points[500]).toMatchObject({ x: 0, silu: 0, relu: 0 });
		const min = points.reduce((a, b) => (b.silu < a.silu ? b : a));
		expect(min.silu).toBeCloseTo(-0.2785, 3);
		expect(min.x).toBeCloseTo(-1.278, 1);
		expect(points.at(-1)!.silu).toBeCloseTo(3 / (1 + Math.exp(-3)), 12);
		expect(points[0].relu).toBe(0);
	});
});

describe('stepRows', () => {
	it('every block gets the same 14 rows; missing steps are rows without a step', () => {
		const b0 = efficientnet({ variant: 'b0' });
		const ds = stepRows(mbconvSteps(b0.stages[0].blocks[0]));
		const ir = stepRows(mbconvSteps(b0.stages[1].blocks[1]));
		expect(ds.map((r) => r.kind)).toEqual(ir.map((r) => r.kind));
		expect(ds).toHaveLength(14);
		expect(ds.filter((r) => r.step === null).map((r) => r.kind)).toEqual(['expand', 'bn-silu', 'residual']);
		expect(ir.every((r) => r.step !== null)).toBe(true);
	});
});
