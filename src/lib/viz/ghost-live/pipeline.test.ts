// @vitest-environment jsdom
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Net } from '$lib/nets/build';
import { imagenetEvalConfig } from '$lib/nets/preprocess';
import { efficientnet, ghostnet } from '$lib/nets/spec/index';
import { ghostModuleChoices } from './ghost-modules';
import { imageToDrawnMaps } from './pipeline';
import { contextOf, installCanvasStub, syntheticNet } from './testing';

vi.mock('$lib/nets/preprocess', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/nets/preprocess')>();
	const data = Uint8ClampedArray.from({ length: 48 * 48 * 4 }, (_, i) => (i * 29) % 256);
	return {
		...original,
		preprocessImage: vi.fn(
			async (_source: unknown, config: import('$lib/nets/preprocess').PreprocessConfig) =>
				original.preprocessPixels({ data, width: 48, height: 48, channels: 4 }, config)
		)
	};
});

const spec = ghostnet({ width: 0.5, numClasses: 10, resolution: 32 });
let net: Net;
beforeAll(async () => {
	installCanvasStub();
	await tf.setBackend('cpu');
	net = syntheticNet(spec);
});
afterAll(() => net.dispose());

describe('imageToDrawnMaps (the benchmark path)', () => {
	it('draws the chosen module from an image, times each step and leaks no tensor', async () => {
		const canvas = document.createElement('canvas');
		const module = ghostModuleChoices(spec)[2];
		const timing = await imageToDrawnMaps({
			tf,
			net,
			source: new Blob(),
			preprocess: imagenetEvalConfig(32, 1),
			canvas,
			module: module.key
		});
		expect(timing.tensorDelta).toBe(0);
		expect(timing.backend).toBe('cpu');
		for (const ms of [timing.preprocessMs, timing.computeMs, timing.drawMs])
			expect(ms).toBeGreaterThanOrEqual(0);
		expect(timing.totalMs).toBeCloseTo(timing.preprocessMs + timing.computeMs + timing.drawMs, 6);
		const drawn = contextOf(canvas).frame.filter((c) => c.op === 'drawImage');
		expect(drawn).toHaveLength(module.primaryChannels * module.ratio);
	});

	it('defaults to the first Ghost module and refuses a network without one', async () => {
		const canvas = document.createElement('canvas');
		const options = { tf, source: new Blob(), preprocess: imagenetEvalConfig(32, 1), canvas };
		await imageToDrawnMaps({ ...options, net });
		expect(contextOf(canvas).frame.filter((c) => c.op === 'drawImage')).toHaveLength(
			ghostModuleChoices(spec)[0].primaryChannels * 2
		);
		const effnet = syntheticNet(efficientnet({ width: 0.25, depth: 0.5, resolution: 32, numClasses: 10 }));
		await expect(imageToDrawnMaps({ ...options, net: effnet })).rejects.toThrow('has no Ghost module');
		effnet.dispose();
	});
});
