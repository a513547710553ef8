/**
 * Memory while classifying images the way the site does (decode → timm eval preprocessing → classify):
 * JS heap (Chromium's performance.memory, precise with --enable-precise-memory-info) and tfjs tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '$lib/nets/runtime';
import { loadNetwork } from '$lib/nets/build';
import { inputTensor, preprocessImage } from '$lib/nets/preprocess';
import { readSafetensors } from '$lib/nets/weights/safetensors';
import { loadWeights, sampleImages, specOf, type NetName } from './fixtures';
import { startBackend } from './ours';

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
export async function measureMemory(options: {
	backend: BackendName;
	threads: number;
	net: NetName;
	count: number;
}) {
	await startBackend(options.backend, options.threads);
	const images = await sampleImages();
	const heapBeforeNet = heapAfterGc();
	const net = loadNetwork(specOf(options.net), readSafetensors(await loadWeights(options.net)));
	await net.warmup();
	const tensorsBaseline = tf.memory().numTensors;
	const heapBaseline = heapAfterGc();
	let heapPeak = heapBaseline;
	const tensorsAfterEach: number[] = [];
	const top1: number[] = [];
	const sample = () => (heapPeak = Math.max(heapPeak, heapBytes()));
	const timer = setInterval(sample, 2);
	try {
		for (let i = 0; i < options.count; i++) {
			const image = await preprocessImage(images[i % images.length]);
			sample();
			const x = inputTensor(tf, image);
			const predictions = await net.classify(x, 5);
			x.dispose();
			sample();
			top1.push(predictions[0].index);
			tensorsAfterEach.push(tf.memory().numTensors);
		}
	} finally {
		clearInterval(timer);
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
		tensorsAfter: tf.memory().numTensors,
		tfBytes: tf.memory().numBytes,
		top1
	};
	net.dispose();
	return result;
}
