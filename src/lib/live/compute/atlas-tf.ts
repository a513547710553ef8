/**
 * Feature maps → one coloured atlas, on the active tfjs backend. Everything here runs inside the
 * caller's tf.tidy and returns ONE flat float32 tensor, so that a draw costs exactly one GPU→CPU read:
 * [RGBA atlas pixels (0–255) | per-map minimum | per-map maximum | shared limit]. `unpackAtlas` splits
 * that read again (pure). tfjs is passed in (type-only import): this module never pulls tfjs into a page.
 */
import type * as tfType from '@tensorflow/tfjs-core';
import type { AtlasGrid } from './atlas-layout';
import type { DivergingStops } from './colour-scale';

type Tf = typeof tfType;

/**
 * The diverging colour of every value, scaled by `limit` (a scalar tensor) and clipped to ±1: the same
 * formula as `divergingColour`, with floor(x + 0.5) as its rounding. Returns [..., 3].
 */
export function colourize(tf: Tf, values: tfType.Tensor, limit: tfType.Tensor, stops: DivergingStops) {
	const safeLimit = tf.maximum(limit, 1e-30);
	const t = tf.expandDims(tf.clipByValue(tf.div(values, safeLimit), -1, 1), -1);
	const zero = tf.tensor1d([...stops.zero]);
	const towardsPositive = tf.sub(tf.tensor1d([...stops.positive]), zero);
	const towardsNegative = tf.sub(tf.tensor1d([...stops.negative]), zero);
	const rgb = tf.add(
		zero,
		tf.add(tf.mul(tf.relu(t), towardsPositive), tf.mul(tf.relu(tf.neg(t)), towardsNegative))
	);
	return tf.floor(tf.add(rgb, 0.5));
}

/**
 * Groups of maps [groups, perGroup, H, W] → the tight atlas [rows·H, cols·perGroup·W] of `grid`
 * (missing groups at the end are zeros) and a mask that is 1 on real maps, 0 on the padding.
 */
function arrange(tf: Tf, maps: tfType.Tensor4D, grid: AtlasGrid) {
	const [groups, perGroup, h, w] = maps.shape;
	const slots = grid.rows * grid.cols;
	const tile = (x: tfType.Tensor4D) => {
		const padded = tf.pad(x, [
			[0, slots - groups],
			[0, 0],
			[0, 0],
			[0, 0]
		]);
		const cells = tf.reshape(padded, [grid.rows, grid.cols, perGroup, h, w]);
		return tf.reshape(tf.transpose(cells, [0, 3, 1, 2, 4]), [grid.rows * h, grid.cols * perGroup * w]);
	};
	return { atlas: tile(maps), mask: tile(tf.onesLike(maps)) };
}

/**
 * Packs maps for drawing. `maps` is [groups, perGroup, H, W]; the colour limit is the largest |value|
 * of all maps, one scale for every map so that they can be compared.
 */
export function packAtlas(tf: Tf, maps: tfType.Tensor4D, grid: AtlasGrid, stops: DivergingStops) {
	const [groups, perGroup, h, w] = maps.shape;
	if (
		perGroup !== grid.perGroup ||
		h !== grid.mapSize ||
		w !== grid.mapSize ||
		groups > grid.rows * grid.cols
	)
		throw new RangeError(`maps [${maps.shape.join(', ')}] do not fit the atlas grid`);
	const flat = tf.reshape(maps, [groups, perGroup, h * w]);
	const mins = tf.min(flat, 2);
	const maxs = tf.max(flat, 2);
	const limit = tf.maximum(tf.abs(tf.min(mins)), tf.abs(tf.max(maxs)));
	const { atlas, mask } = arrange(tf, maps, grid);
	// Padding after the last group is transparent black, as in an empty canvas.
	const alpha = tf.expandDims(mask, -1);
	const rgba = tf.concat([tf.mul(colourize(tf, atlas, limit, stops), alpha), tf.mul(alpha, 255)], -1);
	return tf.concat([
		tf.reshape(rgba, [-1]),
		tf.reshape(mins, [-1]),
		tf.reshape(maxs, [-1]),
		tf.reshape(limit, [1])
	]);
}

/**
 * A Ghost module's taps → groups: intrinsic map i followed by its s − 1 ghost maps
 * (ghost j comes from intrinsic ⌊j / (s − 1)⌋, see ghostSource). NHWC taps of batch 1.
 */
export function ghostGroups(tf: Tf, primary: tfType.Tensor4D, cheap: tfType.Tensor4D, ratio: number) {
	const [, h, w, m] = primary.shape;
	const perGhost = ratio - 1;
	if (cheap.shape[3] !== m * perGhost) throw new RangeError(`expected ${m * perGhost} ghost maps`);
	const intrinsic = tf.reshape(tf.transpose(tf.reshape(primary, [h, w, m]), [2, 0, 1]), [m, 1, h, w]);
	const ghosts = tf.reshape(tf.transpose(tf.reshape(cheap, [h, w, m * perGhost]), [2, 0, 1]), [
		m,
		perGhost,
		h,
		w
	]);
	return tf.concat([intrinsic, ghosts], 1) as tfType.Tensor4D;
}

export interface MapRange {
	min: number;
	max: number;
}

export interface UnpackedAtlas {
	/** RGBA bytes, grid.width × grid.height, ready for ImageData. */
	pixels: Uint8ClampedArray;
	/** ranges[group][member]. */
	ranges: MapRange[][];
	/** The shared colour limit: colours saturate at ±limit. */
	limit: number;
}

/** Splits the one read of `packAtlas` (pure). */
export function unpackAtlas(data: Float32Array, grid: AtlasGrid, groups: number): UnpackedAtlas {
	const pixelCount = grid.width * grid.height * 4;
	const maps = groups * grid.perGroup;
	if (data.length !== pixelCount + 2 * maps + 1)
		throw new RangeError(`atlas read has ${data.length} values, expected ${pixelCount + 2 * maps + 1}`);
	const pixels = Uint8ClampedArray.from(data.subarray(0, pixelCount));
	const ranges = Array.from({ length: groups }, (_, g) =>
		Array.from({ length: grid.perGroup }, (_, k) => ({
			min: data[pixelCount + g * grid.perGroup + k],
			max: data[pixelCount + maps + g * grid.perGroup + k]
		}))
	);
	return { pixels, ranges, limit: data[pixelCount + 2 * maps] };
}
