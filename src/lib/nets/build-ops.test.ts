import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from './build';
import {
	concatChannels,
	concatChannelsAdd,
	WASM_CONCAT_CHANNELS,
	WASM_CONCAT_CHANNELS_ADD,
	WASM_SILU
} from './build-ops';
import { efficientnet } from './spec/efficientnet';
import { ghostnet } from './spec/ghostnet';
import { readSafetensors } from './weights/safetensors';

/** Deterministic values, different for every element and tensor. */
const ramp = (shape: [number, number, number, number], start: number) =>
	tf.tensor4d(
		Float32Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => start + i * 0.5),
		shape
	);

beforeAll(async () => {
	expect(await tf.setBackend('wasm')).toBe(true);
	await tf.ready();
});
afterAll(async () => {
	await tf.setBackend('cpu');
});

describe('concatChannels on wasm (the JavaScript kernel of channel-concat.ts)', () => {
	const shapes: [string, [number, number, number, number], number][] = [
		['GhostNet-like halves', [1, 7, 5, 12], 12],
		['odd channel counts, batch 2', [2, 3, 3, 3], 5],
		['a long run', [1, 4, 4, 130], 4]
	];
	for (const [what, shape, bChannels] of shapes) {
		it(`equals tfjs's Concat: ${what}`, async () => {
			const before = tf.memory().numTensors;
			const a = ramp(shape, 1);
			const b = ramp([shape[0], shape[1], shape[2], bChannels], -1e4);
			const expected = tf.concat([a, b], 3);
			const profile = await tf.profile(() => concatChannels([a, b]));
			const actual = profile.result as tf.Tensor4D;
			expect(profile.kernelNames).toEqual([WASM_CONCAT_CHANNELS]);
			expect(actual.shape).toEqual(expected.shape);
			expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
			tf.dispose([a, b, expected, actual]);
			expect(tf.memory().numTensors).toBe(before);
		});
	}

	it('leaves three or more maps to tfjs', async () => {
		const maps = [ramp([1, 2, 2, 2], 0), ramp([1, 2, 2, 2], 10), ramp([1, 2, 2, 2], 20)];
		const profile = await tf.profile(() => concatChannels(maps));
		expect(profile.kernelNames).toEqual(['Concat']);
		tf.dispose([...maps, profile.result as tf.Tensor]);
	});
});

describe('concatChannelsAdd on wasm (concat.wat, concat_add)', () => {
	const shapes: [string, [number, number, number, number], number][] = [
		['GhostNet-like halves', [1, 7, 5, 12], 12],
		['odd channel counts, batch 2', [2, 3, 3, 3], 5]
	];
	for (const [what, shape, bChannels] of shapes) {
		it(`equals tfjs's Concat then Add, in one kernel: ${what}`, async () => {
			const before = tf.memory().numTensors;
			const a = ramp(shape, 1);
			const b = ramp([shape[0], shape[1], shape[2], bChannels], -1e4);
			const r = ramp([shape[0], shape[1], shape[2], shape[3] + bChannels], 0.25);
			const expected = tf.tidy(() => tf.add(tf.concat([a, b], 3), r));
			const profile = await tf.profile(() => concatChannelsAdd(a, b, r));
			const actual = profile.result as tf.Tensor4D;
			expect(profile.kernelNames).toEqual([WASM_CONCAT_CHANNELS_ADD]);
			expect(actual.shape).toEqual(expected.shape);
			expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
			tf.dispose([a, b, r, expected, actual]);
			expect(tf.memory().numTensors).toBe(before);
		});
	}

	it('leaves a residual of another shape to tfjs (which broadcasts it)', async () => {
		const a = ramp([1, 2, 2, 2], 0);
		const b = ramp([1, 2, 2, 2], 10);
		const r = ramp([1, 1, 1, 4], 100);
		const profile = await tf.profile(() => concatChannelsAdd(a, b, r));
		expect(profile.kernelNames).toEqual([WASM_CONCAT_CHANNELS, 'Add']);
		const expected = tf.tidy(() => tf.add(tf.concat([a, b], 3), r));
		expect(Array.from((profile.result as tf.Tensor).dataSync())).toEqual(Array.from(expected.dataSync()));
		tf.dispose([a, b, r, expected, profile.result as tf.Tensor]);
	});
});

/** timm's logits for a small fixture network, and the kernels our tfjs graph ran for them on wasm. */
async function runSmallFixture(name: string, spec: Parameters<typeof loadNetwork>[0]) {
	const io = readSafetensors(readFileSync(`tests/fixtures/small/${name}.io.safetensors`));
	const net = loadNetwork(
		spec,
		readSafetensors(readFileSync(`tests/fixtures/small/${name}.weights.safetensors`))
	);
	const before = tf.memory().numTensors;
	const input = io.tensors.get('input')!;
	const nchw = tf.tensor4d(input.values as Float32Array, input.shape as [number, number, number, number]);
	const nhwc = tf.transpose(nchw, [0, 2, 3, 1]) as tf.Tensor4D;
	const profile = await tf.profile(() => net.infer(nhwc).logits);
	const logits = profile.result as tf.Tensor;
	const expected = io.tensors.get('logits')!.values as Float32Array;
	const got = logits.dataSync();
	const worst = Math.max(...Array.from(expected, (v, i) => Math.abs(v - got[i])));
	tf.dispose([nchw, nhwc, logits]);
	const leaked = tf.memory().numTensors - before;
	net.dispose();
	return { worst, kernels: profile.kernels.map((k) => k.name), leaked };
}

describe('EfficientNet on the wasm backend', () => {
	it("reproduces timm's logits for the small fixture, every SiLU one pass of the wasm kernel", async () => {
		const spec = efficientnet({ width: 0.25, depth: 0.5, resolution: 64, numClasses: 10 });
		const { worst, kernels, leaked } = await runSmallFixture('efficientnet_w0.25_d0.5', spec);
		expect(worst).toBeLessThan(1e-4);
		// Stem, head, and each block's expand, depthwise and SE-reduce activations.
		expect(kernels.filter((k) => k === WASM_SILU).length).toBeGreaterThan(20);
		expect(kernels).not.toContain('Sigmoid');
		expect(leaked).toBe(0);
	});
});

describe('GhostNet on the wasm backend', () => {
	it("reproduces timm's logits for the small fixture, its concats running the wasm kernel", async () => {
		const spec = ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
		const { worst, kernels, leaked } = await runSmallFixture('ghostnet_w0.25', spec);
		expect(kernels).toContain(WASM_CONCAT_CHANNELS);
		expect(kernels).not.toContain('Concat');
		// Every bottleneck adds its shortcut while joining its last module's maps: no Add of its own.
		const bottlenecks = spec.stages.flatMap((stage) => stage.blocks).filter((b) => b.shortcut !== 'none');
		expect(bottlenecks).toHaveLength(16);
		expect(kernels.filter((k) => k === WASM_CONCAT_CHANNELS_ADD)).toHaveLength(16);
		expect(kernels).not.toContain('Add');
		expect(worst).toBeLessThan(1e-4);
		expect(leaked).toBe(0);
	});
});
