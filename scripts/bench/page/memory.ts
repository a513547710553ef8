/**
 * Memory while classifying images the way the site does, in its live runtime's worker (decode → timm
 * eval preprocessing → classify, image files sent to the worker as they are): the worker's tfjs tensor
 * count and bytes after each image, and this page's JS heap (Chromium's performance.memory, precise with
 * --enable-precise-memory-info), which the images pass through.
 */
import { imagenetEvalConfig } from '$lib/nets';
import { loadWeights, sampleImages, type NetName } from './fixtures';
import { loadInWorker, startWorkerRuntime } from './runtime';

interface ChromeMemory {
	usedJSHeapSize: number;
}

function heapBytes(): number {
	return (performance as unknown as { memory?: ChromeMemory }).memory?.usedJSHeapSize ?? NaN;
}

/** Heap after a full collection (Chromium started with --js-flags=--expose-gc). */
function heapAfterGc(): number {
	(globalThis as unknown as { gc?: () => void }).gc?.();
	return heapBytes();
}

/** Classifies `count` sample images (cycling through the site's samples) with one network. */
export async function measureMemory(options: { threads: number; net: NetName; count: number }) {
	const runtime = await startWorkerRuntime(options.threads);
	const images = await sampleImages();
	const heapBeforeNet = heapAfterGc();
	await loadInWorker(runtime, { name: options.net, weights: await loadWeights(options.net) });
	const memory: { numTensors: number; numBytes: number }[] = [];
	runtime.client.onMemory((m) => memory.push(m));
	const heapBaseline = heapAfterGc();
	await runtime.client.request({ type: 'memory' });
	const tensorsBaseline = memory.at(-1)!.numTensors;
	let heapPeak = heapBaseline;
	const tensorsAfterEach: number[] = [];
	const top1: number[] = [];
	const preprocess = imagenetEvalConfig(224, 0.875);
	for (let i = 0; i < options.count; i++) {
		const image = { key: `sample-${i}`, source: images[i % images.length] };
		const result = await runtime.client.request({
			type: 'classify',
			modelIds: [options.net],
			image,
			preprocess,
			timing: { warmup: 0, runs: 1 }
		});
		heapPeak = Math.max(heapPeak, heapBytes());
		top1.push(result.runs[0].top[0].index);
		tensorsAfterEach.push(memory.at(-1)!.numTensors);
	}
	const result = {
		net: options.net,
		images: options.count,
		heapBeforeNetBytes: heapBeforeNet,
		heapBaselineBytes: heapBaseline,
		heapPeakBytes: heapPeak,
		heapAfterBytes: heapBytes(),
		heapAfterGcBytes: heapAfterGc(),
		tensorsBaseline,
		tensorsPeak: Math.max(...tensorsAfterEach),
		tensorsAfter: tensorsAfterEach.at(-1),
		tfBytes: memory.at(-1)!.numBytes,
		top1
	};
	runtime.client.terminate();
	return result;
}
