/**
 * Chart 1 data: MACs against φ. The ideal curve B0·(α·β²·γ²)^φ is a formula; the exact curve resolves
 * and costs the rounded network at every φ step (about a hundred networks, so the lab computes it after
 * the sliders settle, not on every input event); the official points are B0…B7 as released.
 */
import { efficientnet, layerMacs, type NetSpec } from '$lib/nets';
import { formulaSpec } from './model';
import { limitPhi, RANGES, snapToStep, variantPhi, VARIANTS, type Compound } from './state';

export interface CurvePoint {
	phi: number;
	macs: number;
}

export interface OfficialPoint extends CurvePoint {
	variant: (typeof VARIANTS)[number];
}

export type Coefficients = Omit<Compound, 'phi'>;

export function totalMacs(spec: NetSpec): number {
	return spec.layers.reduce((sum, layer) => sum + layerMacs(layer), 0);
}

/** φ values of the slider grid that the spec accepts for these coefficients. */
export function phiGrid(c: Coefficients): number[] {
	const { min, max, step } = RANGES.phi;
	const { phi: top } = limitPhi({ ...c, phi: max });
	const count = Math.round((top - min) / step);
	return Array.from({ length: count + 1 }, (_, i) => snapToStep('phi', min + i * step));
}

export function idealCurve(c: Coefficients, baseMacs: number, phis: number[]): CurvePoint[] {
	const product = c.alpha * c.beta ** 2 * c.gamma ** 2;
	return phis.map((phi) => ({ phi, macs: baseMacs * product ** phi }));
}

export function exactCurve(c: Coefficients): CurvePoint[] {
	return phiGrid(c).map((phi) => ({ phi, macs: totalMacs(formulaSpec({ ...c, phi })) }));
}

let officialCache: OfficialPoint[] | null = null;

/** The released B0…B7 at their φ = 0…7. */
export function officialPoints(): OfficialPoint[] {
	officialCache ??= VARIANTS.map((variant) => ({
		variant,
		phi: variantPhi(variant),
		macs: totalMacs(efficientnet({ variant }))
	}));
	return officialCache;
}
