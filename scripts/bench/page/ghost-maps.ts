/**
 * The Ghost lab's live feature maps, timed the way a reader meets them: from the choice of an image
 * (an encoded sample file) to the intrinsic and ghost maps of one Ghost module drawn on a canvas, through
 * the site's own path: the live runtime's worker decodes and preprocesses the image (timm eval), runs
 * GhostNet 1.0× up to the module, packs the maps on the backend and reads them once; the page puts the
 * atlas into a canvas and draws every map (src/lib/viz/ghost-live/draw.ts).
 */
import { TIMM_IMAGENET_EVAL } from '$lib/nets';
import { MAPS_BOX } from '$lib/live/compute/boxes';
import { FALLBACK_STOPS } from '$lib/live/compute/colour-scale';
import { ghostModuleChoices } from '$lib/live/compute/ghost-modules';
import { atlasCanvas, drawGrid } from '$lib/viz/ghost-live/draw';
import { loadWeights, sampleImages, specOf } from './fixtures';
import { loadInWorker, startWorkerRuntime } from './runtime';

/** An early, a middle and the last stage's first Ghost module (16, 48 and 480 channels at 112…7 px). */
export const MAP_MODULES = ['blocks.0.0.ghost1', 'blocks.1.0.ghost1', 'blocks.8.0.ghost1'] as const;

const PHASES = ['computeMs', 'drawMs', 'totalMs'] as const;
type Phase = (typeof PHASES)[number];

/**
 * For each module: `warmup` untimed runs, then `runs` timed ones, each on the next sample image.
 * Returns the raw times per phase (compute = the request to the worker and back: decode, preprocessing,
 * network, packing, read; draw = on this page), the backend that ran them and the worker's tensor count
 * before and after each run.
 */
export async function timeGhostMaps(options: { backend: 'wasm' | 'webgl'; threads: number; runs: number; warmup: number }) {
	const runtime = await startWorkerRuntime(options.threads);
	if (options.backend !== 'wasm')
		await runtime.client.request({ type: 'set-backend', choice: options.backend });
	const images = await sampleImages();
	await loadInWorker(runtime, { name: 'ghostnet_100', weights: await loadWeights('ghostnet_100') });
	const canvas = document.createElement('canvas');
	canvas.style.width = `${MAPS_BOX.width}px`;
	document.body.append(canvas);
	const tensors: number[] = [];
	runtime.client.onMemory((m) => tensors.push(m.numTensors));
	const choices = ghostModuleChoices(specOf('ghostnet_100'));
	let next = 0;
	const draw = async (key: string) => {
		const module = choices.find((m) => m.key === key)!;
		const i = next++;
		const before = tensors.at(-1) ?? 0;
		const t0 = performance.now();
		const computed = await runtime.client.request({
			type: 'module-atlas',
			modelId: 'ghostnet_100',
			image: { key: `sample-${i}`, source: images[i % images.length] },
			preprocess: TIMM_IMAGENET_EVAL,
			module,
			stops: FALLBACK_STOPS
		});
		const t1 = performance.now();
		const source = atlasCanvas(computed.atlas.pixels, computed.grid);
		if (source) drawGrid(canvas, source, computed.grid, computed.layout, { box: MAPS_BOX, dpr: 1 });
		const t2 = performance.now();
		const timing = { computeMs: t1 - t0, drawMs: t2 - t1, totalMs: t2 - t0 };
		return { timing, backend: computed.backend, tensorDelta: (tensors.at(-1) ?? 0) - before };
	};
	const cases: { module: string; times: Record<Phase, number[]>; tensorDeltas: number[] }[] = [];
	const setup = { backend: runtime.state.info.active, threads: runtime.state.info.wasm?.threads ?? null };
	try {
		await draw(MAP_MODULES[0]);
		const tensorsBefore = tensors.at(-1) ?? 0;
		for (const module of MAP_MODULES) {
			for (let i = 0; i < options.warmup; i++) await draw(module);
			const times = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>;
			const tensorDeltas: number[] = [];
			for (let i = 0; i < options.runs; i++) {
				const { timing, backend, tensorDelta } = await draw(module);
				if (backend !== options.backend) throw new Error(`maps ran on ${backend}, not ${options.backend}`);
				for (const p of PHASES) times[p].push(timing[p]);
				tensorDeltas.push(tensorDelta);
			}
			cases.push({ module, times, tensorDeltas });
		}
		return { setup, cases, tensorsBefore, tensorsAfter: tensors.at(-1) ?? 0 };
	} finally {
		canvas.remove();
		runtime.client.terminate();
	}
}
