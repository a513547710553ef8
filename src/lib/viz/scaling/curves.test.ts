import { describe, expect, it } from 'vitest';
import { exactCurve, idealCurve, officialPoints, phiGrid } from './curves';

const PAPER = { alpha: 1.2, beta: 1.1, gamma: 1.15 };
// facts.md A.7 counted MACs of B0…B7.
const OFFICIAL_MACS = [385.8e6, 686.8e6, 993.6e6, 1.827e9, 4.394e9, 10.27e9, 19.07e9, 37.75e9];

describe('MACs against φ', () => {
	it('official points are B0…B7 at φ = 0…7 with the counted MACs of facts.md A.7', () => {
		const points = officialPoints();
		expect(points.map((p) => p.phi)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		points.forEach((p, i) => expect(Math.abs(p.macs / OFFICIAL_MACS[i] - 1)).toBeLessThan(5e-4));
	});

	it('the exact curve passes through B0 at φ = 0 and grows with φ', () => {
		const curve = exactCurve(PAPER);
		expect(curve[0].phi).toBe(-3);
		expect(curve.at(-1)!.phi).toBe(9);
		const atZero = curve.find((p) => p.phi === 0)!;
		expect(Math.abs(atZero.macs / 385.8e6 - 1)).toBeLessThan(5e-4);
		for (let i = 1; i < curve.length; i++) expect(curve[i].macs).toBeGreaterThanOrEqual(curve[i - 1].macs);
	});

	it('the ideal curve is B0·1.92^φ (facts.md A.2)', () => {
		const ideal = idealCurve(PAPER, 385.8e6, [0, 1, 7]);
		expect(ideal[0].macs).toBe(385.8e6);
		expect(ideal[1].macs / 385.8e6).toBeCloseTo(1.92, 2);
		expect(ideal[2].macs / 385.8e6).toBeCloseTo(1.92027 ** 7, 2);
	});

	it('stops where the spec stops: γ = 2 allows φ ≤ 2.4', () => {
		const grid = phiGrid({ alpha: 1, beta: 1, gamma: 2 });
		expect(grid.at(-1)).toBe(2.4);
		expect(grid.length).toBe(55);
	});
});
