import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import results from '../../../../scripts/train/results/scaling.json';
import {
	accuracyAt,
	COMPOUND_RUNS,
	matchedComparisons,
	parseCompoundRuns,
	type CompoundRuns,
	type TrainedPoint
} from './compound-runs';

const copy = () => structuredClone(results) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the compound-scaling results file', () => {
	it('holds runs whose params and MACs are those our cost model gives the spec of each network', () => {
		for (const run of results.runs) {
			const spec = efficientnet({
				width: run.width,
				depth: run.depth,
				resolution: run.resolution,
				numClasses: 10
			});
			const c = cost(spec);
			expect([c.params, c.macs], run.run).toEqual([run.params, run.macs]);
		}
	});

	it('keeps every grid point on the constraint α·β²·γ² = 2 ± 10 % with α, β, γ ≥ 1, the paper point among them', () => {
		const data = COMPOUND_RUNS;
		for (const p of data.grid) {
			expect(Math.abs(p.product / 2 - 1)).toBeLessThanOrEqual(0.1 + 1e-9);
			expect(Math.min(...p.coefficients)).toBeGreaterThanOrEqual(1);
		}
		expect(data.grid.filter((p) => p.paper).map((p) => p.coefficients)).toEqual([[1.2, 1.1, 1.15]]);
		expect(data.grid.filter((p) => p.single).map((p) => p.single)).toEqual(['depth', 'width', 'resolution']);
		expect(data.curves.resolution.every((p) => p.resolution <= data.maxResolution)).toBe(true);
	});

	it('reads the file: means are the seeds’ means, curves start at the baseline and grow in MACs', () => {
		const data = COMPOUND_RUNS;
		expect(data.epochs).toBe(results.epochs);
		for (const curve of Object.values(data.curves)) {
			expect(curve[0]).toBe(data.baseline);
			for (let i = 1; i < curve.length; i++) expect(curve[i].macs).toBeGreaterThanOrEqual(curve[i - 1].macs);
		}
		for (const p of data.grid) {
			expect(p.mean).toBeCloseTo(p.accuracies.reduce((a, b) => a + b) / p.accuracies.length, 9);
			expect(p.min).toBeLessThanOrEqual(p.mean);
		}
		if (data.best) expect(data.best.mean).toBe(Math.max(...data.grid.map((p) => p.mean)));
	});

	it('refuses a file whose summary disagrees with its runs', () => {
		const wrong = copy();
		wrong.summary.grid[0].mean += 0.01;
		expect(() => parseCompoundRuns(wrong)).toThrow(/summary.grid disagrees/);
	});

	it('refuses a grid point off the constraint, a wrong best point, an accuracy above 1 and mixed epochs', () => {
		const off = copy();
		off.grid.points[0] = [1.5, 1.5, 1.5];
		expect(() => parseCompoundRuns(off)).toThrow(/breaks α·β²·γ²/);
		const best = copy();
		best.grid.best = [9, 9, 9];
		expect(() => parseCompoundRuns(best)).toThrow(/grid.best/);
		const accuracy = copy();
		accuracy.runs[0].testAccuracy = 83;
		expect(() => parseCompoundRuns(accuracy)).toThrow(/testAccuracy/);
		const epochs = copy();
		epochs.runs[0].epochs = 5;
		expect(() => parseCompoundRuns(epochs)).toThrow(/other epochs/);
	});
});

const point = (macs: number, accuracies: number[]): TrainedPoint => ({
	key: String(macs),
	coefficients: [1, 1, 1],
	phi: 0,
	width: 1,
	depth: 1,
	resolution: 16,
	params: 1,
	macs,
	seeds: accuracies.map((_, i) => i),
	accuracies,
	mean: accuracies.reduce((a, b) => a + b) / accuracies.length,
	min: Math.min(...accuracies),
	max: Math.max(...accuracies)
});

describe('compound against single-dimension scaling at matched MACs', () => {
	it('interpolates a curve in log MACs and says nothing outside it', () => {
		const curve = [point(100, [80]), point(400, [84])];
		// 200 MACs is halfway between 100 and 400 on a log scale.
		expect(accuracyAt(curve, 200)?.mean).toBeCloseTo(82, 9);
		expect(accuracyAt(curve, 100)?.mean).toBe(80);
		expect(accuracyAt(curve, 50)).toBeNull();
		expect(accuracyAt(curve, 401)).toBeNull();
	});

	it('calls a difference inside the seeds’ ranges within the noise, and otherwise ahead or behind', () => {
		const base = point(100, [80, 80]);
		const data = {
			curves: {
				depth: [base, point(400, [81, 82])],
				width: [base, point(400, [85, 86])],
				resolution: [base, point(150, [85, 85])],
				compound: [base, point(400, [83, 84])]
			}
		} as unknown as CompoundRuns;
		const matched = matchedComparisons(data);
		expect(matched.map((m) => [m.method, m.verdict])).toEqual([
			['depth', 'ahead'],
			['width', 'behind']
		]);
		expect(matched[0].difference).toBeCloseTo(2, 9);
		const close = {
			curves: { ...data.curves, depth: [base, point(400, [82, 83.5])] }
		} as unknown as CompoundRuns;
		expect(matchedComparisons(close)[0].verdict).toBe('within');
	});

	it('does not call a difference between one-seed points that is smaller than the experiment’s largest seed spread', () => {
		const base = point(100, [80, 80.8]);
		const data = {
			curves: {
				depth: [base, point(400, [82])],
				width: [base, point(400, [80])],
				resolution: [base],
				compound: [base, point(400, [82.5])]
			}
		} as unknown as CompoundRuns;
		const matched = matchedComparisons(data);
		expect(matched[0]).toMatchObject({ method: 'depth', verdict: 'within' });
		expect(matched[0].noise).toBeCloseTo(0.8, 9);
		expect(matched[1]).toMatchObject({ method: 'width', verdict: 'ahead' });
	});
});
