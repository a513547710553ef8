/**
 * Image → drawn maps, the path the live feature maps take, as plain functions: the component calls
 * `computeModule` + `drawGrid`, and `imageToDrawnMaps` runs the whole path with timings for the
 * benchmark (scripts/bench can call it with any built GhostNet, a canvas and an image).
 */
import type * as tfType from '@tensorflow/tfjs';
import type { Net } from '$lib/nets/build';
import {
	preprocessImage,
	type ImageSourceLike,
	type PreprocessConfig,
	type PreprocessedImage
} from '$lib/nets/preprocess';
import { atlasGrid, displayLayout, inset, type AtlasGrid, type DisplayLayout } from './atlas-layout';
import { MAPS_BOX } from './boxes';
import type { UnpackedAtlas } from './atlas-tf';
import { FALLBACK_STOPS, type DivergingStops } from './colour-scale';
import { atlasCanvas, drawGrid, type Source } from './draw';
import { ghostModuleChoices, type GhostModuleChoice } from './ghost-modules';
import { moduleMaps } from './live-run';

type Tf = typeof tfType;

export { MAPS_BOX } from './boxes';

export interface ComputedModule {
	module: GhostModuleChoice;
	layout: DisplayLayout;
	grid: AtlasGrid;
	atlas: UnpackedAtlas;
	/** The atlas in a canvas, for drawing and for enlarged views (null without a 2D canvas). */
	source: Source | null;
	/** The tfjs backend that computed it. */
	backend: string;
}

export function moduleLayout(module: GhostModuleChoice, box = MAPS_BOX): DisplayLayout {
	return displayLayout(
		{ groups: module.primaryChannels, perGroup: module.ratio, mapSize: module.size },
		inset(box)
	);
}

/** Runs the network, packs and reads the module's maps once, and puts them into a canvas. */
export async function computeModule(
	tf: Tf,
	net: Net,
	image: PreprocessedImage,
	module: GhostModuleChoice,
	stops: DivergingStops,
	box = MAPS_BOX
): Promise<ComputedModule> {
	const layout = moduleLayout(module, box);
	const grid = atlasGrid(layout);
	const atlas = await moduleMaps(tf, net, image, module, grid, stops);
	return { module, layout, grid, atlas, source: atlasCanvas(atlas.pixels, grid), backend: tf.getBackend() };
}

export interface DrawnMapsTiming {
	/** Decode + resize + crop + normalize (CPU). */
	preprocessMs: number;
	/** Network + packing on the backend + the one read back. */
	computeMs: number;
	/** Atlas into a canvas + every map onto the visible canvas. */
	drawMs: number;
	totalMs: number;
	backend: string;
	/** Tensors alive after minus before (0 when nothing leaked). */
	tensorDelta: number;
}

/**
 * The benchmark path: from an image to the maps of one Ghost module drawn on `canvas`. `module` is a
 * module key such as 'blocks.0.0.ghost1' (default: the network's first Ghost module).
 */
export async function imageToDrawnMaps(options: {
	tf: Tf;
	net: Net;
	source: ImageSourceLike;
	preprocess: PreprocessConfig;
	canvas: HTMLCanvasElement;
	module?: string;
	stops?: DivergingStops;
	box?: { width: number; height: number };
}): Promise<DrawnMapsTiming> {
	const { tf, net, canvas, box = MAPS_BOX } = options;
	const modules = ghostModuleChoices(net.spec);
	const module = modules.find((m) => m.key === options.module) ?? modules[0];
	if (!module) throw new Error(`${net.spec.name} has no Ghost module`);
	const before = tf.memory().numTensors;
	const t0 = performance.now();
	const image = await preprocessImage(options.source, options.preprocess);
	const t1 = performance.now();
	const computed = await computeModule(tf, net, image, module, options.stops ?? FALLBACK_STOPS, box);
	const t2 = performance.now();
	if (computed.source) drawGrid(canvas, computed.source, computed.grid, computed.layout, { box, dpr: 1 });
	const t3 = performance.now();
	return {
		preprocessMs: t1 - t0,
		computeMs: t2 - t1,
		drawMs: t3 - t2,
		totalMs: t3 - t0,
		backend: tf.getBackend(),
		tensorDelta: tf.memory().numTensors - before
	};
}
