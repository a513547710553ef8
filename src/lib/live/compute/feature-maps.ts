/**
 * One draw's worth of tfjs work for the live parts: run the network on a preprocessed image with the
 * taps needed, pack the result on the active backend inside tf.tidy, read it back once, dispose it.
 * Every call leaves `tf.memory().numTensors` where it found it. tfjs and the network are passed in.
 */
import type * as tfType from '@tensorflow/tfjs-core';
import type { PreprocessedImage } from '$lib/nets';
import type { InferResult, Net } from '$lib/nets/tf';
import type { AtlasGrid } from './atlas-layout';
import { ghostGroups, packAtlas, unpackAtlas, type UnpackedAtlas } from './atlas-tf';
import type { DivergingStops } from './colour-scale';
import type { GhostModuleChoice } from './ghost-modules';
import { packSimilarity, unpackSimilarity, type SimilarityRead } from './similarity-tf';

type Tf = typeof tfType;

function taps(tf: Tf, net: Net, image: PreprocessedImage, names: string[]): InferResult['taps'] {
	const input = tf.tensor4d(image.input, image.shape);
	return net.infer(input, { taps: names }).taps;
}

/** Reads a packed tensor once and disposes it, whatever happens. */
async function readOnce(packed: tfType.Tensor): Promise<Float32Array> {
	try {
		return (await packed.data()) as Float32Array;
	} finally {
		packed.dispose();
	}
}

/** The intrinsic and ghost maps of a Ghost module, coloured into `grid`'s atlas: one read. */
export async function moduleMaps(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	module: GhostModuleChoice,
	grid: AtlasGrid,
	stops: DivergingStops
): Promise<UnpackedAtlas> {
	const packed = tf.tidy(() => {
		const found = taps(tf, net, image, [module.primaryTap, module.cheapTap]);
		const groups = ghostGroups(tf, found[module.primaryTap], found[module.cheapTap], module.ratio);
		return packAtlas(tf, groups, grid, stops);
	});
	return unpackAtlas(await readOnce(packed), grid, module.primaryChannels);
}

/** The cosine similarity of all maps of `tap` and the raw maps: one read. */
export async function layerSimilarity(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	tap: string
): Promise<SimilarityRead> {
	let shape = [0, 0, 0, 0];
	const packed = tf.tidy(() => {
		const maps = taps(tf, net, image, [tap])[tap];
		shape = maps.shape;
		return packSimilarity(tf, maps);
	});
	const [, size, , channels] = shape;
	return unpackSimilarity(await readOnce(packed), channels, size);
}
