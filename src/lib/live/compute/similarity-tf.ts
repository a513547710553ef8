/**
 * Pairwise cosine similarity of a layer's feature maps on the active tfjs backend: flatten to
 * [C, H·W], divide each row by its norm, one matMul. Runs inside the caller's tf.tidy and returns ONE
 * flat tensor [similarity C·C | the raw maps C·H·W], so the whole redundancy finder costs one read:
 * the raw maps are needed on the CPU anyway for the least-squares fit of the cheap operation.
 */
import type * as tfType from '@tensorflow/tfjs-core';
import { NORM_FLOOR } from './pairs';

type Tf = typeof tfType;

/** [C, H·W] rows of an NHWC batch-1 tensor. */
export function mapRows(tf: Tf, maps: tfType.Tensor4D): tfType.Tensor2D {
	const [, h, w, c] = maps.shape;
	return tf.transpose(tf.reshape(maps, [h * w, c])) as tfType.Tensor2D;
}

/** The C×C cosine similarity of the rows (a zero row gives 0s, as `cosineSimilarity` does). */
export function cosineMatrix(tf: Tf, rows: tfType.Tensor2D): tfType.Tensor2D {
	const norms = tf.sqrt(tf.sum(tf.square(rows), 1, true));
	const unit = tf.div(rows, tf.maximum(norms, NORM_FLOOR));
	return tf.matMul(unit, unit, false, true);
}

export function packSimilarity(tf: Tf, maps: tfType.Tensor4D): tfType.Tensor1D {
	const rows = mapRows(tf, maps);
	return tf.concat([tf.reshape(cosineMatrix(tf, rows), [-1]), tf.reshape(rows, [-1])]);
}

export interface SimilarityRead {
	channels: number;
	/** Map side in activation pixels. */
	size: number;
	/** Row-major C×C. */
	matrix: Float32Array;
	/** maps[c]: row-major size×size raw values. */
	maps: Float32Array[];
}

/** Splits the one read of `packSimilarity` (pure). */
export function unpackSimilarity(data: Float32Array, channels: number, size: number): SimilarityRead {
	const n = size * size;
	if (data.length !== channels * channels + channels * n)
		throw new RangeError(`similarity read has ${data.length} values for ${channels} maps of ${size}²`);
	const matrix = data.slice(0, channels * channels);
	const start = channels * channels;
	const maps = Array.from({ length: channels }, (_, c) => data.slice(start + c * n, start + (c + 1) * n));
	return { channels, size, matrix, maps };
}
