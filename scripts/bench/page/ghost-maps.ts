/**
 * The Ghost lab's live feature maps, timed the way a reader meets them: from the choice of an image
 * (an encoded sample file) to the intrinsic and ghost maps of one Ghost module drawn on a canvas,
 * through the site's own path (`imageToDrawnMaps`: decode + timm eval preprocessing, GhostNet 1.0× up
 * to the module, packing on the backend, one read-back, drawing).
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadNetwork } from '$lib/nets/build';
import type { BackendName } from '$lib/nets/runtime';
import { TIMM_IMAGENET_EVAL } from '$lib/nets/preprocess';
import { readSafetensors } from '$lib/nets/weights/safetensors';
import { imageToDrawnMaps, MAPS_BOX } from '$lib/viz/ghost-live/pipeline';
import { loadWeights, sampleImages, specOf } from './fixtures';
import { startBackend } from './ours';

/** An early, a middle and the last stage's first Ghost module (16, 48 and 480 channels at 112…7 px). */
export const MAP_MODULES = ['blocks.0.0.ghost1', 'blocks.1.0.ghost1', 'blocks.8.0.ghost1'] as const;

const PHASES = ['preprocessMs', 'computeMs', 'drawMs', 'totalMs'] as const;
type Phase = (typeof PHASES)[number];

/**
 * For each module: `warmup` untimed runs, then `runs` timed ones, each on the next sample image.
 * Returns the raw times per phase, the backend that ran them and the tensor count before and after.
 */
export async function timeGhostMaps(options: {
	backend: BackendName;
	threads: number;
	runs: number;
	warmup: number;
}) {
	const setup = await startBackend(options.backend, options.threads);
	const images = await sampleImages();
	const net = loadNetwork(specOf('ghostnet_100'), readSafetensors(await loadWeights('ghostnet_100')));
	await net.warmup();
	const canvas = document.createElement('canvas');
	canvas.style.width = `${MAPS_BOX.width}px`;
	document.body.append(canvas);
	const tensorsBefore = tf.memory().numTensors;
	let next = 0;
	const draw = (module: string) =>
		imageToDrawnMaps({
			tf,
			net,
			source: images[next++ % images.length],
			preprocess: TIMM_IMAGENET_EVAL,
			canvas,
			module
		});
	const cases: { module: string; times: Record<Phase, number[]>; tensorDeltas: number[] }[] = [];
	try {
		for (const module of MAP_MODULES) {
			for (let i = 0; i < options.warmup; i++) await draw(module);
			const times = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>;
			const tensorDeltas: number[] = [];
			for (let i = 0; i < options.runs; i++) {
				const timing = await draw(module);
				if (timing.backend !== options.backend)
					throw new Error(`maps ran on ${timing.backend}, not ${options.backend}`);
				for (const p of PHASES) times[p].push(timing[p]);
				tensorDeltas.push(timing.tensorDelta);
			}
			cases.push({ module, times, tensorDeltas });
		}
		return { setup, cases, tensorsBefore, tensorsAfter: tf.memory().numTensors };
	} finally {
		canvas.remove();
		net.dispose();
	}
}
