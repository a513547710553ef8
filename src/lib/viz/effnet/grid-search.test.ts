import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import { constraintGamma, gridPoint, isoGamma, paperPoint } from './grid-search';

describe('grid search surface', () => {
	it('γ follows from α·β²·γ² = 2: α 1.2, β 1.1 gives γ = √(2 / 1.452) ≈ 1.1736', () => {
		expect(constraintGamma(1.2, 1.1)).toBeCloseTo(Math.sqrt(2 / 1.452), 12);
		expect(constraintGamma(1.2, 1.1)).toBeCloseTo(1.1736, 4);
		const p = gridPoint(1.3, 1.05);
		expect(p.alpha * p.beta ** 2 * p.gamma ** 2).toBeCloseTo(2, 12);
	});

	it('the chosen point is the real φ = 1 network: depth α, width β, resolution round(224·γ)', () => {
		const p = gridPoint(1.2, 1.1);
		const spec = efficientnet({ phi: 1, alpha: 1.2, beta: 1.1, gamma: p.gamma });
		expect(p.network).toMatchObject({
			depth: 1.2,
			width: 1.1,
			resolution: Math.round(224 * p.gamma),
			macs: cost(spec).macs
		});
		expect(p.network!.resolution).toBe(263);
	});

	it('α·β² above 2 would need γ < 1: not allowed, no network', () => {
		const p = gridPoint(1.8, 1.1);
		expect(p.feasible).toBe(false);
		expect(p.network).toBeNull();
	});

	it("the paper's point (facts.md A.2): product 1.92, resolution round(224·1.15) = 258", () => {
		const p = paperPoint();
		expect(p.product).toBeCloseTo(1.92, 2);
		expect(p.network!.resolution).toBe(258);
		expect(p.network!.macs).toBe(cost(efficientnet({ phi: 1 })).macs);
	});

	it('curves of constant γ: γ = 1 is the boundary β = √(2/α)', () => {
		const curve = isoGamma(1, [1, 1.5, 2, 2.5]);
		expect(curve.map((p) => p.beta)).toEqual([Math.sqrt(2), Math.sqrt(2 / 1.5), 1]);
	});
});
