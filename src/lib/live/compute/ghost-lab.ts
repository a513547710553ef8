/**
 * The Ghost lab's computations, as the live runtime runs them (in its worker): image → the maps of one
 * Ghost module coloured into an atlas; image → a layer's similarity matrix, its most similar pairs with
 * their cheap-operation fits, and its maps coloured on the CPU. Everything returned is plain data (typed
 * arrays and numbers) that crosses to the page, which only draws it.
 */
import type { PreprocessedImage } from '$lib/nets';
import type { Net, Tf } from '$lib/nets/tf';
import { atlasGrid, displayLayout, inset, type AtlasGrid, type DisplayLayout } from './atlas-layout';
import type { UnpackedAtlas } from './atlas-tf';
import { MAPS_BOX, STEM_BOX } from './boxes';
import type { DivergingStops } from './colour-scale';
import { paintAtlas } from './cpu-atlas';
import { layerSimilarity, moduleMaps } from './feature-maps';
import type { GhostModuleChoice } from './ghost-modules';
import { findRedundancy, type Redundancy } from './redundancy';
import type { SimilarityRead } from './similarity-tf';

/** How many of the most similar pairs the redundancy finder shows. */
export const PAIR_COUNT = 3;

export interface ModuleAtlas {
	module: GhostModuleChoice;
	layout: DisplayLayout;
	grid: AtlasGrid;
	atlas: UnpackedAtlas;
}

export function moduleLayout(module: GhostModuleChoice, box = MAPS_BOX): DisplayLayout {
	return displayLayout(
		{ groups: module.primaryChannels, perGroup: module.ratio, mapSize: module.size },
		inset(box)
	);
}

/** Runs the network up to the module, packs its intrinsic and ghost maps on the backend, reads them once. */
export async function computeModuleAtlas(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	module: GhostModuleChoice,
	stops: DivergingStops,
	box = MAPS_BOX
): Promise<ModuleAtlas> {
	const layout = moduleLayout(module, box);
	const grid = atlasGrid(layout);
	const atlas = await moduleMaps(tf, net, image, module, grid, stops);
	return { module, layout, grid, atlas };
}

export interface FinderResult {
	tap: string;
	read: SimilarityRead;
	redundancy: Redundancy;
	layout: DisplayLayout;
	grid: AtlasGrid;
	atlas: UnpackedAtlas;
}

/** The layer's similarity matrix and maps (one read on the backend), then pairs, fits and colours on the CPU. */
export async function computeRedundancy(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	stops: DivergingStops,
	tap = 'conv_stem'
): Promise<FinderResult> {
	const read = await layerSimilarity(tf, net, image, tap);
	const layout = displayLayout({ groups: read.channels, perGroup: 1, mapSize: read.size }, inset(STEM_BOX));
	const grid = atlasGrid(layout);
	const atlas = paintAtlas(read.maps, grid, stops);
	return { tap, read, redundancy: findRedundancy(read, PAIR_COUNT), layout, grid, atlas };
}
