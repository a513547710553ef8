/**
 * Step 1 of the paper's grid search as a surface (pure): at φ = 1 the constraint α·β²·γ² = 2 leaves two
 * free coefficients; the reader picks α and β, γ follows, and the point is the real φ = 1 network
 * (efficientnet({ phi: 1, alpha, beta, gamma }), rounded as the reference code rounds) with its cost.
 */
import { COMPOUND_COEFFICIENTS, cost, efficientnet } from '$lib/nets';

/** The FLOPS factor that φ = 1 allows. */
export const BUDGET = 2;

/** γ on the constraint surface α·β²·γ² = BUDGET (below 1 when α·β² > BUDGET: not allowed). */
export function constraintGamma(alpha: number, beta: number): number {
	return Math.sqrt(BUDGET / (alpha * beta * beta));
}

export interface GridPoint {
	alpha: number;
	beta: number;
	gamma: number;
	/** α·β²·γ². */
	product: number;
	/** γ ≥ 1 (the paper requires α, β, γ ≥ 1). */
	feasible: boolean;
	network: {
		depth: number;
		width: number;
		resolution: number;
		blocks: number;
		macs: number;
		params: number;
	} | null;
}

function network(alpha: number, beta: number, gamma: number): GridPoint['network'] {
	const spec = efficientnet({ phi: 1, alpha, beta, gamma });
	const { macs, params } = cost(spec);
	const blocks = spec.stages.reduce((n, s) => n + s.blocks.length, 0);
	return {
		depth: spec.config.depth,
		width: spec.config.width,
		resolution: spec.resolution,
		blocks,
		macs,
		params
	};
}

/** The point the reader chose: γ from the constraint, and its φ = 1 network when γ ≥ 1. */
export function gridPoint(alpha: number, beta: number): GridPoint {
	const gamma = constraintGamma(alpha, beta);
	const feasible = gamma >= 1;
	return {
		alpha,
		beta,
		gamma,
		product: BUDGET,
		feasible,
		network: feasible ? network(alpha, beta, gamma) : null
	};
}

/** The paper's point, α = 1.2, β = 1.1, γ = 1.15 (facts.md A.2): a product of 1.92, not exactly 2. */
export function paperPoint(): GridPoint {
	const { alpha, beta, gamma } = COMPOUND_COEFFICIENTS;
	return {
		alpha,
		beta,
		gamma,
		product: alpha * beta ** 2 * gamma ** 2,
		feasible: true,
		network: network(alpha, beta, gamma)
	};
}

/** β along a curve of constant γ on the surface, β = √(BUDGET / (α·γ²)), where β ≥ 1. */
export function isoGamma(gamma: number, alphas: number[]): { alpha: number; beta: number }[] {
	return alphas
		.map((alpha) => ({ alpha, beta: Math.sqrt(BUDGET / (alpha * gamma * gamma)) }))
		.filter((p) => p.beta >= 1);
}
