/**
 * TeX of the compound-scaling equations with the live values substituted (rendered by KaTeX in the
 * component). The constraint α·β²·γ² ≈ 2 is "off" when it misses 2 by more than CONSTRAINT_TOLERANCE;
 * the paper's own 1.2·1.1²·1.15² = 1.92 is within it.
 */
import { texNumber } from './format';
import { BASE_RESOLUTION } from './model';
import type { Compound } from './state';

export const CONSTRAINT_TOLERANCE = 0.1;

export interface ConstraintStatus {
	product: number;
	/** product − 2. */
	distance: number;
	ok: boolean;
}

export function constraintStatus(c: Compound): ConstraintStatus {
	const product = c.alpha * c.beta ** 2 * c.gamma ** 2;
	const distance = product - 2;
	return { product, distance, ok: Math.abs(distance) <= CONSTRAINT_TOLERANCE };
}

export interface EquationSet {
	depth: string;
	width: string;
	resolution: string;
	constraint: string;
	flops: string;
}

export function compoundEquations(c: Compound, resolution: number): EquationSet {
	const phi = texNumber(c.phi, 1);
	const power = (base: number) => `${base.toFixed(2)}^{${phi}}`;
	const { product, distance } = constraintStatus(c);
	const sign = distance >= 0 ? '+' : '-';
	return {
		depth: `d = \\alpha^{\\phi} = ${power(c.alpha)} = ${(c.alpha ** c.phi).toFixed(3)}`,
		width: `w = \\beta^{\\phi} = ${power(c.beta)} = ${(c.beta ** c.phi).toFixed(3)}`,
		resolution:
			`r = \\gamma^{\\phi} = ${power(c.gamma)} = ${(c.gamma ** c.phi).toFixed(3)}` +
			`\\;\\Rightarrow\\; ${BASE_RESOLUTION}\\,r \\approx ${resolution}\\ \\text{px}`,
		constraint:
			`\\alpha\\cdot\\beta^{2}\\cdot\\gamma^{2} = ${c.alpha.toFixed(2)}\\cdot ${c.beta.toFixed(2)}^{2}` +
			`\\cdot ${c.gamma.toFixed(2)}^{2} = ${product.toFixed(3)} = 2 ${sign} ${Math.abs(distance).toFixed(3)}`,
		flops:
			`\\text{FLOPS} \\propto (\\alpha\\cdot\\beta^{2}\\cdot\\gamma^{2})^{\\phi} = ${product.toFixed(3)}^{${phi}}` +
			` = ${formatTexFactor(product ** c.phi)} \\quad (2^{\\phi} = ${formatTexFactor(2 ** c.phi)})`
	};
}

/** The same equations as plain text, for screen readers (the KaTeX HTML is aria-hidden). */
export function compoundEquationText(c: Compound, resolution: number): EquationSet {
	const phi = c.phi.toFixed(1);
	const power = (base: number) => `${base.toFixed(2)}^${phi}`;
	const { product, distance } = constraintStatus(c);
	const sign = distance >= 0 ? '+' : '−';
	return {
		depth: `d = α^φ = ${power(c.alpha)} = ${(c.alpha ** c.phi).toFixed(3)}`,
		width: `w = β^φ = ${power(c.beta)} = ${(c.beta ** c.phi).toFixed(3)}`,
		resolution: `r = γ^φ = ${power(c.gamma)} = ${(c.gamma ** c.phi).toFixed(3)}, ${BASE_RESOLUTION}·r ≈ ${resolution} px`,
		constraint: `α·β²·γ² = ${c.alpha.toFixed(2)}·${c.beta.toFixed(2)}²·${c.gamma.toFixed(2)}² = ${product.toFixed(3)} = 2 ${sign} ${Math.abs(distance).toFixed(3)}`,
		flops: `FLOPS ∝ (α·β²·γ²)^φ = ${product.toFixed(3)}^${phi} = ${formatTexFactor(product ** c.phi)} (2^φ = ${formatTexFactor(2 ** c.phi)})`
	};
}

export function officialEquationText(name: string, depth: number, width: number, resolution: number): string {
	return `${name}: d = ${depth.toFixed(1)}, w = ${width.toFixed(1)}, ${BASE_RESOLUTION}·r = ${resolution} px`;
}

function formatTexFactor(value: number): string {
	return value >= 100 ? value.toFixed(0) : value.toFixed(value < 1 ? 3 : 2);
}

/** The hand-set multipliers of an official variant (reference code table, facts.md A.4). */
export function officialEquation(name: string, depth: number, width: number, resolution: number): string {
	return `\\text{${name}:}\\; d = ${depth.toFixed(1)},\\; w = ${width.toFixed(1)},\\; ${BASE_RESOLUTION}\\,r = ${resolution}\\ \\text{px}`;
}
