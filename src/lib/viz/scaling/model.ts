/**
 * Everything the Scaling lab shows for one state, from the resolved spec and its exact cost:
 * `scalingUpdate` runs on every slider input event (the benchmark times it), so it resolves and costs
 * the φ network and nothing else (released variants are cached).
 */
import { cost, efficientnet, type EfficientNetSpec, type EfficientNetVariant, type NetCost } from '$lib/nets';
import { macBreakdown, type BreakdownRow } from './breakdown';
import { stageRows, type StageRow } from './stage-table';
import { VARIANTS, type Compound, type ScalingState } from './state';

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
	/** The preset's official variant, or in the compound form the one nearest φ ("formula vs shipped"). */
	official: NetworkView;
	officialVariant: EfficientNetVariant;
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

const officialViews = new Map<EfficientNetVariant, NetworkView>();

/** Released variants never change: each is resolved and costed once. */
export function officialView(variant: EfficientNetVariant): NetworkView {
	let view = officialViews.get(variant);
	if (!view) {
		view = networkView(efficientnet({ variant }));
		officialViews.set(variant, view);
	}
	return view;
}

/** The official variant of a preset, else the one whose φ (0…7) is nearest. */
export function nearestVariant(state: ScalingState): EfficientNetVariant {
	if (state.variant) return state.variant;
	const index = Math.min(VARIANTS.length - 1, Math.max(0, Math.round(state.phi)));
	return VARIANTS[index];
}

/**
 * The per-input-event update: resolve and cost the φ network of a state; the official variant next to
 * it comes from a cache, so a drag resolves one network per event.
 */
export function scalingUpdate(state: ScalingState): ScalingModel {
	const formula = networkView(formulaSpec(state));
	const officialVariant = nearestVariant(state);
	const official = officialView(officialVariant);
	const base = baseline();
	return {
		state,
		shown: state.variant ? official : formula,
		formula,
		official,
		officialVariant,
		base,
		prediction: predict(state, base.macs)
	};
}
