/**
 * Everything the Scaling lab shows for one state, from the resolved spec and its exact cost:
 * `scalingUpdate` runs on every slider input event (the benchmark times it), so it resolves and costs
 * at most two networks and nothing else.
 */
import { cost, efficientnet, type EfficientNetSpec, type NetCost } from '$lib/nets';
import { macBreakdown, type BreakdownRow } from './breakdown';
import { stageRows, type StageRow } from './stage-table';
import type { Compound, ScalingState } from './state';

export interface NetworkView {
	spec: EfficientNetSpec;
	cost: NetCost;
	/** Multipliers as used by the spec (resolution in pixels). */
	depth: number;
	width: number;
	resolution: number;
	/** d·w²·(R/224)²: the MAC factor over B0 that the multipliers predict, before any rounding. */
	multiplierProduct: number;
	rows: StageRow[];
	breakdown: BreakdownRow[];
}

export interface Prediction {
	/** α·β²·γ². */
	product: number;
	/** (α·β²·γ²)^φ and the MACs of B0 times it. */
	factor: number;
	macs: number;
	/** 2^φ and the MACs of B0 times it. */
	powerOfTwo: number;
	macsPowerOfTwo: number;
}

export interface ScalingModel {
	state: ScalingState;
	/** The network on display: the official variant for a preset, else the φ network. */
	shown: NetworkView;
	/** The network d = α^φ, w = β^φ, r = γ^φ (the same object as `shown` in the compound form). */
	formula: NetworkView;
	/** The official variant, or null in the compound form. */
	official: NetworkView | null;
	base: { params: number; macs: number };
	prediction: Prediction;
}

export const BASE_RESOLUTION = 224;

export function networkView(spec: EfficientNetSpec): NetworkView {
	const netCost = cost(spec);
	const { depth, width } = spec.config;
	const r = spec.resolution / BASE_RESOLUTION;
	return {
		spec,
		cost: netCost,
		depth,
		width,
		resolution: spec.resolution,
		multiplierProduct: depth * width * width * r * r,
		rows: stageRows(spec, netCost),
		breakdown: macBreakdown(spec, netCost)
	};
}

let baseCost: { params: number; macs: number } | null = null;

/** B0, the φ = 0 baseline that every prediction multiplies. */
export function baseline(): { params: number; macs: number } {
	if (!baseCost) {
		const { params, macs } = cost(efficientnet({ variant: 'b0' }));
		baseCost = { params, macs };
	}
	return baseCost;
}

export function predict(c: Compound, baseMacs: number): Prediction {
	const product = c.alpha * c.beta ** 2 * c.gamma ** 2;
	const factor = product ** c.phi;
	const powerOfTwo = 2 ** c.phi;
	return { product, factor, macs: baseMacs * factor, powerOfTwo, macsPowerOfTwo: baseMacs * powerOfTwo };
}

export function formulaSpec(c: Compound): EfficientNetSpec {
	return efficientnet({ phi: c.phi, alpha: c.alpha, beta: c.beta, gamma: c.gamma });
}

/** The per-input-event update: resolve and cost the network(s) of a state. */
export function scalingUpdate(state: ScalingState): ScalingModel {
	const formula = networkView(formulaSpec(state));
	const official = state.variant ? networkView(efficientnet({ variant: state.variant })) : null;
	const base = baseline();
	return {
		state,
		shown: official ?? formula,
		formula,
		official,
		base,
		prediction: predict(state, base.macs)
	};
}
