import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	efficientnet,
	ghostnet,
	imagenetEvalConfig,
	preprocessPixels,
	readSafetensors,
	type PreprocessedImage
} from '$lib/nets';
import { loadNetwork, type Net } from '$lib/nets/tf';
import { atlasGrid, atlasOrigin, displayLayout } from './atlas-layout';
import { paintValues, type DivergingStops } from './colour-scale';
import { ghostModuleChoices, type GhostModuleChoice } from './ghost-modules';
import { layerSimilarity, moduleMaps } from './feature-maps';
import { checkMatrix, cosineSimilarity, topPairs } from './pairs';
import { findRedundancy } from './redundancy';

const stops: DivergingStops = { negative: [47, 111, 176], zero: [255, 255, 255], positive: [217, 112, 42] };
const box = { width: 640, height: 400 };

let ghost: Net;
let efficient: Net;
let image: PreprocessedImage;

/** A smooth synthetic photo (gradients and a disc), preprocessed as the site does for a 64-px model. */
function syntheticImage(): PreprocessedImage {
	const width = 96;
	const height = 80;
	const data = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 4;
			const disc = (x - 40) ** 2 + (y - 38) ** 2 < 400 ? 120 : 0;
			data.set([(x * 255) / width, (y * 255) / height, 80 + disc, 255], o);
		}
	}
	return preprocessPixels({ data, width, height, channels: 4 }, imagenetEvalConfig(64, 0.875));
}

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
	const read = (name: string) =>
		readSafetensors(readFileSync(`tests/fixtures/small/${name}.weights.safetensors`));
	ghost = loadNetwork(ghostnet({ width: 0.25, resolution: 64, numClasses: 10 }), read('ghostnet_w0.25'));
	efficient = loadNetwork(
		efficientnet({ width: 0.25, depth: 0.5, resolution: 64, numClasses: 10 }),
		read('efficientnet_w0.25_d0.5')
	);
	image = syntheticImage();
});

afterAll(() => {
	ghost?.dispose();
	efficient?.dispose();
});

/** NHWC batch-1 tap → per-channel rows, computed directly for comparison. */
function tapRows(net: Net, name: string) {
	const t = tf.tidy(() => net.infer(tf.tensor4d(image.input, image.shape), { taps: [name] }).taps[name]);
	const [, h, w, c] = t.shape;
	const values = t.dataSync();
	t.dispose();
	const rows = Array.from({ length: c }, (_, ch) =>
		Float32Array.from({ length: h * w }, (_, p) => values[p * c + ch])
	);
	return { rows, size: h, channels: c };
}

function gridFor(module: GhostModuleChoice) {
	return atlasGrid(
		displayLayout({ groups: module.primaryChannels, perGroup: module.ratio, mapSize: module.size }, box)
	);
}

describe('moduleMaps (tfjs CPU backend, small GhostNet fixture)', () => {
	const modules = () => ghostModuleChoices(ghost.spec);

	it('draws intrinsic map i and, beside it, ghost map i, in the shared colour scale', async () => {
		const module = modules()[2]; // blocks.1.0.ghost1: 6 intrinsic + 6 ghost maps of 32×32
		const grid = gridFor(module);
		const atlas = await moduleMaps(tf, ghost, image, module, grid, stops);
		const primary = tapRows(ghost, module.primaryTap);
		const cheap = tapRows(ghost, module.cheapTap);
		const all = [...primary.rows, ...cheap.rows].flatMap((r) => Array.from(r));
		const limit = Math.max(...all.map(Math.abs));
		expect(atlas.limit).toBeCloseTo(limit, 5);
		for (let i = 0; i < module.primaryChannels; i++) {
			for (const [member, rows] of [
				[0, primary.rows],
				[1, cheap.rows]
			] as const) {
				const expected = new Uint8ClampedArray(grid.width * grid.height * 4);
				const { x, y } = atlasOrigin(grid, i, member);
				paintValues(
					expected,
					grid.width,
					rows[i],
					{ width: module.size, height: module.size, x, y },
					limit,
					stops
				);
				for (let r = 0; r < module.size; r++) {
					const from = ((y + r) * grid.width + x) * 4;
					const to = from + module.size * 4;
					expect(atlas.pixels.subarray(from, to)).toEqual(expected.subarray(from, to));
				}
				expect(atlas.ranges[i][member].min).toBeCloseTo(Math.min(...rows[i]), 5);
				expect(atlas.ranges[i][member].max).toBeCloseTo(Math.max(...rows[i]), 5);
			}
		}
	});

	it('leaves the padding after the last group transparent', async () => {
		const module = modules()[0];
		const grid = atlasGrid({ cols: 3, rows: 1, perGroup: 2, mapSize: module.size });
		const atlas = await moduleMaps(tf, ghost, image, module, grid, stops);
		// 2 intrinsic maps in 3 slots: the third slot is padding.
		const { x } = atlasOrigin(grid, 2, 0);
		expect(atlas.pixels[x * 4 + 3]).toBe(0);
		expect(atlas.pixels[3]).toBe(255);
	});

	it('changes with the chosen module and keeps the tensor count flat over 20 switches', async () => {
		const all = modules();
		const first = await moduleMaps(tf, ghost, image, all[0], gridFor(all[0]), stops);
		const second = await moduleMaps(tf, ghost, image, all[1], gridFor(all[1]), stops);
		expect(second.pixels).not.toEqual(first.pixels);
		const baseline = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) {
			const module = all[i % all.length];
			await moduleMaps(tf, ghost, image, module, gridFor(module), stops);
			expect(tf.memory().numTensors).toBe(baseline);
		}
	});
});

describe('layerSimilarity (tfjs CPU backend)', () => {
	it.each(['ghost', 'efficient'] as const)(
		'%s stem: symmetric, unit diagonal, equal to the CPU cosine, top pair = argmax',
		async (which) => {
			const net = which === 'ghost' ? ghost : efficient;
			const baseline = tf.memory().numTensors;
			const read = await layerSimilarity(tf, net, image, 'conv_stem');
			expect(tf.memory().numTensors).toBe(baseline);
			const direct = tapRows(net, 'conv_stem');
			expect(read.channels).toBe(net.spec.stem[0].outChannels);
			expect(read.size).toBe(direct.size);
			read.maps.forEach((m, c) => expect(m).toEqual(direct.rows[c]));
			const check = checkMatrix(read.matrix, read.channels);
			expect(check.asymmetry).toBeLessThan(1e-6);
			expect(check.diagonalError).toBeLessThan(1e-5);
			const n = read.size * read.size;
			const flat = new Float32Array(read.channels * n);
			direct.rows.forEach((r, c) => flat.set(r, c * n));
			const cpu = cosineSimilarity(flat, read.channels, n);
			read.matrix.forEach((v, i) => expect(v).toBeCloseTo(cpu[i], 5));
			let argmax = { i: 0, j: 1, v: -Infinity };
			for (let i = 0; i < read.channels; i++)
				for (let j = 0; j < read.channels; j++)
					if (i !== j && cpu[i * read.channels + j] > argmax.v)
						argmax = { i, j, v: cpu[i * read.channels + j] };
			const [top] = topPairs(read.matrix, read.channels, 1);
			expect(top.similarity).toBeCloseTo(argmax.v, 5);
			expect([top.a, top.b]).toEqual([Math.min(argmax.i, argmax.j), Math.max(argmax.i, argmax.j)]);
		}
	);

	it('feeds the redundancy finder: pairs with a cheap-operation fit at least as good as a scaled copy', async () => {
		const read = await layerSimilarity(tf, efficient, image, 'conv_stem');
		const found = findRedundancy(read, 3);
		expect(found.pairs).toHaveLength(3);
		for (const p of found.pairs) {
			expect([p.source, p.target].sort()).toEqual([p.a, p.b]);
			if (p.fit.r2 !== null && p.copyR2 !== null) expect(p.fit.r2).toBeGreaterThanOrEqual(p.copyR2 - 1e-6);
		}
	});
});
