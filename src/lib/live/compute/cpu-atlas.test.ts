import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { atlasGrid } from './atlas-layout';
import { packAtlas, unpackAtlas } from './atlas-tf';
import type { DivergingStops } from './colour-scale';
import { paintAtlas } from './cpu-atlas';

const stops: DivergingStops = { negative: [10, 60, 200], zero: [250, 250, 245], positive: [220, 90, 20] };

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('paintAtlas', () => {
	it('gives exactly the bytes, ranges and limit of the GPU packing', async () => {
		const [channels, size] = [5, 6];
		const nhwc = Float32Array.from({ length: size * size * channels }, (_, i) => Math.sin(i * 1.7) * 3 - 0.5);
		const maps = Array.from({ length: channels }, (_, c) =>
			Float32Array.from({ length: size * size }, (_, p) => nhwc[p * channels + c])
		);
		const grid = atlasGrid({ cols: 2, rows: 3, perGroup: 1, mapSize: size });
		const packed = tf.tidy(() =>
			packAtlas(tf, singleGroups(tf.tensor4d(nhwc, [1, size, size, channels])), grid, stops)
		);
		const gpu = unpackAtlas((await packed.data()) as Float32Array, grid, channels);
		packed.dispose();
		const cpu = paintAtlas(maps, grid, stops);
		expect(cpu.pixels).toEqual(gpu.pixels);
		expect(cpu.limit).toBeCloseTo(gpu.limit, 6);
		cpu.ranges.forEach(([r], c) => {
			expect(r.min).toBeCloseTo(gpu.ranges[c][0].min, 6);
			expect(r.max).toBeCloseTo(gpu.ranges[c][0].max, 6);
		});
	});
	it('refuses groups of more than one map', () => {
		expect(() => paintAtlas([], atlasGrid({ cols: 1, rows: 1, perGroup: 2, mapSize: 1 }), stops)).toThrow(
			RangeError
		);
	});
});

/** An NHWC batch-1 layer output → groups of one map each, as packAtlas takes them. */
function singleGroups(maps: tf.Tensor4D): tf.Tensor4D {
	const [, h, w, c] = maps.shape;
	return tf.reshape(tf.transpose(tf.reshape(maps, [h, w, c]), [2, 0, 1]), [c, 1, h, w]);
}
