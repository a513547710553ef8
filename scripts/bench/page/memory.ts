/**
 * Memory while classifying images the way the site does (decode → timm eval preprocessing → classify):
 * JS heap (Chromium's performance.memory, precise with --enable-precise-memory-info) and tfjs tensors.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '$lib/nets/runtime';
import { inputTensor, preprocessImage } from '$lib/nets/preprocess';
import { loadFixture, type NetName } from './fixtures';
import { buildNet, startBackend } from './ours';

interface ChromeMemory {
	usedJSHeapSize: number;
}

function heapBytes(): number {
	return (performance as unknown as { memory?: ChromeMemory }).memory?.usedJSHeapSize ?? NaN;
}

async function sampleImages(): Promise<Blob[]> {
	const manifest = (await (await fetch('/samples/samples.json')).json()) as { samples: { file: string }[] };
	return Promise.all(manifest.samples.map(async (s) => (await fetch(`/samples/${s.file}`)).blob()));
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
	const fixture = await loadFixture(options.net);
	const heapBeforeNet = heapBytes();
	const net = buildNet(fixture);
	await net.warmup();
	const tensorsBaseline = tf.memory().numTensors;
	const heapBaseline = heapBytes();
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
		tensorsBaseline,
		tensorsPeak: Math.max(...tensorsAfterEach),
		tensorsAfter: tf.memory().numTensors,
		tfBytes: tf.memory().numBytes,
		top1
	};
	net.dispose();
	return result;
}
