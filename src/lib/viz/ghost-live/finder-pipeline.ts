/**
 * Image → everything the redundancy finder shows: the layer's similarity matrix and raw maps from one
 * read on the active backend, then on the CPU the most similar pairs, their cheap-operation fits and
 * the coloured maps.
 */
import type * as tfType from '@tensorflow/tfjs';
import type { Net } from '$lib/nets/build';
import type { PreprocessedImage } from '$lib/nets/preprocess';
import { atlasGrid, displayLayout, inset } from './atlas-layout';
import { STEM_BOX } from './boxes';
import type { UnpackedAtlas } from './atlas-tf';
import type { DivergingStops } from './colour-scale';
import { paintAtlas } from './cpu-atlas';
import { atlasCanvas, type GridContent } from './draw';
import { layerSimilarity } from './live-run';
import { findRedundancy, type Redundancy } from './redundancy';
import type { SimilarityRead } from './similarity-tf';

type Tf = typeof tfType;

export { STEM_BOX } from './boxes';
/** How many of the most similar pairs are shown. */
export const PAIR_COUNT = 3;

export interface FinderResult {
	tap: string;
	read: SimilarityRead;
	redundancy: Redundancy;
	atlas: UnpackedAtlas;
	content: GridContent;
	backend: string;
}

export async function computeRedundancy(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	stops: DivergingStops,
	tap = 'conv_stem'
): Promise<FinderResult> {
	const read = await layerSimilarity(tf, net, image, tap);
	const backend = tf.getBackend();
	const layout = displayLayout({ groups: read.channels, perGroup: 1, mapSize: read.size }, inset(STEM_BOX));
	const grid = atlasGrid(layout);
	const atlas = paintAtlas(read.maps, grid, stops);
	const redundancy = findRedundancy(read, PAIR_COUNT);
	return {
		tap,
		read,
		redundancy,
		atlas,
		content: { source: atlasCanvas(atlas.pixels, grid), grid, layout },
		backend
	};
}
