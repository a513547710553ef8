/**
 * The paper's Figure 3 argument, with the real cost model: scale B0 along one dimension only (depth,
 * width or resolution) until it costs the same MACs as the compound network. MACs of the rounded network
 * never decrease as one multiplier grows, so a bisection over the continuous multiplier finds the two
 * neighbouring rounded networks around the target; the closer one is reported. The spec's limits bound
 * the search: a target beyond them is reported as unreachable, with the largest network allowed.
 */
import { cost, efficientnet, LIMITS, type EfficientNetSpec } from '$lib/nets';
import { totalMacs } from './curves';

export type Dimension = 'depth' | 'width' | 'resolution';
export const DIMENSIONS: readonly Dimension[] = ['depth', 'width', 'resolution'];

/** One colour per network in the single-dimension figures (shapes, receptive fields). */
export const DIMENSION_COLORS: Record<Dimension | 'compound', string> = {
	compound: 'var(--series-5)',
	depth: 'var(--series-1)',
	width: 'var(--series-2)',
	resolution: 'var(--series-3)'
};

export interface SingleDimensionMatch {
	dimension: Dimension;
	/** Any multiplier in [low, high] gives this rounded network (resolution: pixels). */
	multiplier: number;
	spec: EfficientNetSpec;
	macs: number;
	params: number;
	/** macs / target − 1. */
	relativeError: number;
	/** 'above-limit': even the spec's largest multiplier costs less than the target; 'below-limit' mirrors. */
	reach: 'matched' | 'above-limit' | 'below-limit';
}

const SEARCH: Record<Dimension, { min: number; max: number; tolerance: number }> = {
	depth: { min: 0.01, max: LIMITS.depth.max, tolerance: 1e-4 },
	width: { min: 0.01, max: LIMITS.width.max, tolerance: 1e-4 },
	resolution: { min: LIMITS.resolution.min, max: LIMITS.resolution.max, tolerance: 1 }
};

export function singleDimensionSpec(dimension: Dimension, value: number): EfficientNetSpec {
	if (dimension === 'resolution') return efficientnet({ width: 1, depth: 1, resolution: value });
	return efficientnet({ width: 1, depth: 1, resolution: 224, [dimension]: value });
}

function evaluate(dimension: Dimension, value: number) {
	const spec = singleDimensionSpec(dimension, value);
	return { value, spec, macs: totalMacs(spec) };
}

function result(
	dimension: Dimension,
	point: ReturnType<typeof evaluate>,
	target: number,
	reach: SingleDimensionMatch['reach']
): SingleDimensionMatch {
	const { value, spec, macs } = point;
	const { params } = cost(spec);
	return { dimension, multiplier: value, spec, macs, params, relativeError: macs / target - 1, reach };
}

export function matchMacs(dimension: Dimension, target: number): SingleDimensionMatch {
	const { min, max, tolerance } = SEARCH[dimension];
	const integer = dimension === 'resolution';
	let low = evaluate(dimension, min);
	let high = evaluate(dimension, max);
	if (high.macs < target) return result(dimension, high, target, 'above-limit');
	if (low.macs > target) return result(dimension, low, target, 'below-limit');
	while (high.value - low.value > tolerance) {
		const middle = integer ? Math.floor((low.value + high.value) / 2) : (low.value + high.value) / 2;
		const point = evaluate(dimension, middle);
		if (point.macs < target) low = point;
		else high = point;
	}
	const closer = target - low.macs <= high.macs - target ? low : high;
	return result(dimension, closer, target, 'matched');
}

export function matchAllDimensions(target: number): SingleDimensionMatch[] {
	return DIMENSIONS.map((dimension) => matchMacs(dimension, target));
}
