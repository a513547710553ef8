import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compoundEquations, compoundEquationText, constraintStatus, officialEquation } from './equations';

const PAPER = { phi: 3, alpha: 1.2, beta: 1.1, gamma: 1.15 };

describe('compound equations with live values', () => {
	it('substitute φ, α, β, γ and their powers (facts.md A.2: 1.2, 1.1, 1.15)', () => {
		const eq = compoundEquations(PAPER, 341);
		expect(eq.depth).toContain('1.20^{3.0} = 1.728');
		expect(eq.width).toContain('1.10^{3.0} = 1.331');
		expect(eq.resolution).toContain('1.15^{3.0} = 1.521');
		expect(eq.resolution).toContain('341');
		expect(eq.constraint).toContain('= 1.920 = 2 - 0.080');
		expect(eq.flops).toContain('1.920^{3.0} = 7.08');
		expect(eq.flops).toContain('2^{\\phi} = 8.00');
	});

	it('negative φ', () => {
		const eq = compoundEquations({ ...PAPER, phi: -2 }, 169);
		expect(eq.depth).toContain('1.20^{-2.0} = 0.694');
	});

	it('every equation is valid KaTeX', () => {
		const eq = compoundEquations({ phi: -1.5, alpha: 2, beta: 1, gamma: 1.37 }, 140);
		for (const tex of [...Object.values(eq), officialEquation('B7', 3.1, 2, 600)]) {
			expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
		}
	});
});

describe('plain-text equations for screen readers', () => {
	it('carry the same numbers as the TeX', () => {
		const text = compoundEquationText(PAPER, 341);
		expect(text.depth).toBe('d = α^φ = 1.20^3.0 = 1.728');
		expect(text.constraint).toBe('α·β²·γ² = 1.20·1.10²·1.15² = 1.920 = 2 − 0.080');
		expect(text.flops).toBe('FLOPS ∝ (α·β²·γ²)^φ = 1.920^3.0 = 7.08 (2^φ = 8.00)');
		expect(text.resolution).toContain('341 px');
	});
});

describe('constraint α·β²·γ² ≈ 2', () => {
	it('the paper coefficients are within tolerance', () => {
		const status = constraintStatus(PAPER);
		expect(status.product).toBeCloseTo(1.92, 2);
		expect(status.ok).toBe(true);
	});
	it('α = β = γ = 1.5 is flagged (1.5^5 = 7.59)', () => {
		const status = constraintStatus({ phi: 1, alpha: 1.5, beta: 1.5, gamma: 1.5 });
		expect(status.distance).toBeCloseTo(5.59375, 5);
		expect(status.ok).toBe(false);
	});
});
