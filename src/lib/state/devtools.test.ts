import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork, type Net } from '$lib/nets/build';
import { ghostnet } from '$lib/nets/spec/ghostnet';
import { readSafetensors } from '$lib/nets/weights/safetensors';
import { DEVTOOLS_KEY, installDevtools, runLogits, type Devtools, type NetRunner } from './devtools';

let net: Net;
const session: NetRunner = {
	async withNet(modelId, task) {
		if (modelId !== 'small') throw new Error(`${modelId} is not loaded`);
		return task(net, tf);
	}
};
const storage = (value: string | null) => ({
	getItem: (key: string) => (key === DEVTOOLS_KEY ? value : null)
});

/** The small GhostNet fixture (timm weights and timm's own output for its input, NCHW). */
function fixture() {
	const io = readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.io.safetensors'));
	const input = io.tensors.get('input')!;
	const [, c, h, w] = input.shape;
	const nhwc = new Float32Array(input.values.length);
	for (let ch = 0; ch < c; ch++)
		for (let y = 0; y < h; y++)
			for (let x = 0; x < w; x++) nhwc[(y * w + x) * c + ch] = input.values[(ch * h + y) * w + x] as number;
	return {
		nhwc,
		logits: Array.from(io.tensors.get('logits')!.values as Float32Array),
		features: io.tensors.get('features')!
	};
}

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
	net = loadNetwork(
		ghostnet({ width: 0.25, resolution: 64, numClasses: 10 }),
		readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors'))
	);
});
afterAll(() => net.dispose());

describe('developer console hook', () => {
	it('is not installed unless the storage switch is on', () => {
		for (const value of [null, '', '1', 'true', 'off']) {
			const target: Record<string, unknown> = {};
			expect(installDevtools(session, target, storage(value))).toBe(false);
			expect(target).toEqual({});
		}
		const target: Record<string, unknown> = {};
		const blocked = {
			getItem: () => {
				throw new Error('SecurityError');
			}
		};
		expect(installDevtools(session, target, blocked)).toBe(false);
		expect(installDevtools(session, target, null)).toBe(false);
		expect(target).toEqual({});
	});

	it('returns the logits timm computes for the fixture input, and leaves no tensor behind', async () => {
		const target: Record<string, unknown> = {};
		expect(installDevtools(session, target, storage('on'))).toBe(true);
		const hook = target.egnDevtools as Devtools;
		const { nhwc, logits, features } = fixture();
		const before = tf.memory().numTensors;
		for (let i = 0; i < 3; i++) {
			const result = await hook.logits('small', nhwc, i === 0 ? ['features'] : []);
			expect(result.backend).toBe('cpu');
			expect(result.logits).toHaveLength(10);
			const worst = Math.max(...result.logits.map((v, j) => Math.abs(v - logits[j])));
			expect(worst).toBeLessThan(1e-4);
			if (i === 0) {
				// NHWC from us, NCHW in the fixture: compare value by value.
				const [, c, h, w] = features.shape;
				const tap = result.taps.features;
				expect(tap.shape).toEqual([1, h, w, c]);
				let tapWorst = 0;
				for (let ch = 0; ch < c; ch++)
					for (let p = 0; p < h * w; p++)
						tapWorst = Math.max(
							tapWorst,
							Math.abs(tap.values[p * c + ch] - (features.values[ch * h * w + p] as number))
						);
				expect(tapWorst).toBeLessThan(1e-4);
			} else expect(result.taps).toEqual({});
		}
		expect(tf.memory().numTensors).toBe(before);
	});

	it('refuses an input of the wrong size and an unknown network', async () => {
		const before = tf.memory().numTensors;
		await expect(runLogits(net, tf, new Float32Array(10))).rejects.toThrow(/takes 1 × 64 × 64 × 3/);
		const target: Record<string, unknown> = {};
		installDevtools(session, target, storage('on'));
		await expect((target.egnDevtools as Devtools).logits('other', [])).rejects.toThrow(/not loaded/);
		expect(tf.memory().numTensors).toBe(before);
	});
});
