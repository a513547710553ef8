import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork, NetUsageError } from './build';
import { cost } from './cost';
import { efficientnet } from './spec/efficientnet';
import { ghostnet } from './spec/ghostnet';
import { timmStateDict } from './spec/state-dict';
import type { NetSpec } from './spec/types';
import { readSafetensors, type SafetensorsFile, type TensorEntry } from './weights/safetensors';
import { WeightMappingError } from './weights/timm';

const smallGhostSpec = ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
const smallGhostWeights = () =>
	readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors'));
const smallEffSpec = efficientnet({ width: 0.25, depth: 0.5, resolution: 64, numClasses: 10 });
const smallEffWeights = () =>
	readSafetensors(readFileSync('tests/fixtures/small/efficientnet_w0.25_d0.5.weights.safetensors'));

/** A checkpoint with the spec's exact keys and shapes and pseudo-random values (BN variances positive). */
function syntheticCheckpoint(spec: NetSpec, seed = 1): SafetensorsFile {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const tensors = new Map<string, TensorEntry>();
	for (const e of timmStateDict(spec)) {
		const n = e.shape.reduce((a, b) => a * b, 1);
		const values = Float32Array.from({ length: n }, () =>
			e.param === 'running_var' ? 1 + 0.5 * random() : 0.3 * random()
		);
		tensors.set(e.key, { name: e.key, dtype: 'F32', shape: e.shape, values });
	}
	return { metadata: {}, tensors };
}

const input = (spec: NetSpec) =>
	tf.randomNormal([1, spec.resolution, spec.resolution, 3], 0, 1, 'float32', 7) as tf.Tensor4D;

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});

describe('loadNetwork: parameter count equals cost(spec).params', () => {
	const cases: [string, NetSpec, () => SafetensorsFile][] = [
		['small GhostNet fixture', smallGhostSpec, smallGhostWeights],
		['small EfficientNet fixture', smallEffSpec, smallEffWeights],
		[
			'EfficientNet-B0 (synthetic weights)',
			efficientnet({ variant: 'b0' }),
			() => syntheticCheckpoint(efficientnet({ variant: 'b0' }))
		],
		[
			'GhostNet 1.0x (synthetic weights)',
			ghostnet({ width: 1 }),
			() => syntheticCheckpoint(ghostnet({ width: 1 }))
		]
	];
	for (const [what, spec, weights] of cases) {
		it(what, () => {
			const net = loadNetwork(spec, weights());
			try {
				expect(net.paramCount).toBe(cost(spec).params);
				expect(net.storedElements).toBeLessThan(net.paramCount + 10_000);
			} finally {
				net.dispose();
			}
		});
	}
	it('B0 and GhostNet 1.0x counts are the timm counts (facts.md B)', () => {
		for (const [spec, expected] of [
			[efficientnet({ variant: 'b0' }), 5_288_548],
			[ghostnet({ width: 1 }), 5_182_508]
		] as const) {
			const net = loadNetwork(spec, syntheticCheckpoint(spec));
			expect(net.paramCount).toBe(expected);
			net.dispose();
		}
	});
});

describe('infer', () => {
	it('returns logits and every tap with the shapes of the spec', () => {
		const net = loadNetwork(smallGhostSpec, smallGhostWeights());
		const x = input(smallGhostSpec);
		const { logits, taps } = net.infer(x, { taps: [...net.tapNames] });
		expect(logits.shape).toEqual([1, 10]);
		expect(Object.keys(taps).sort()).toEqual([...net.tapNames].sort());
		for (const block of smallGhostSpec.stages.flatMap((s) => s.blocks)) {
			expect(taps[block.name].shape.slice(1)).toEqual(block.output);
			for (const m of block.ghost ? [block.ghost.ghost1, block.ghost.ghost2] : []) {
				expect(taps[`${m.key}.primary`].shape.slice(1)).toEqual([...m.spatial, m.primaryChannels]);
				expect(taps[`${m.key}.cheap`].shape.slice(1)).toEqual([...m.spatial, m.cheapChannels]);
			}
		}
		// Maps are released during the pass; a tap never is.
		expect(Object.values(taps).filter((t) => t.isDisposed)).toEqual([]);
		tf.dispose([x, logits, ...Object.values(taps)]);
		net.dispose();
	});

	it('Ghost taps are the real module halves: identity block output = concat(ghost2 halves) + input', () => {
		const net = loadNetwork(smallGhostSpec, smallGhostWeights());
		const x = input(smallGhostSpec);
		const names = ['blocks.1', 'blocks.2.0.ghost2.primary', 'blocks.2.0.ghost2.cheap', 'blocks.2'];
		const { logits, taps } = net.infer(x, { taps: names });
		const rebuilt = tf.tidy(() => tf.add(tf.concat([taps[names[1]], taps[names[2]]], 3), taps['blocks.1']));
		expect(tf.max(tf.abs(tf.sub(rebuilt, taps['blocks.2']))).dataSync()[0]).toBeLessThan(1e-6);
		tf.dispose([x, logits, rebuilt, ...Object.values(taps)]);
		net.dispose();
	});

	it('ghostRatio 3: the cheap op (depthwise, multiplier 2) matches a direct PyTorch-layout computation', () => {
		const spec = ghostnet({ width: 0.25, resolution: 16, numClasses: 5, ghostRatio: 3 });
		const ckpt = syntheticCheckpoint(spec, 3);
		const net = loadNetwork(spec, ckpt);
		const x = input(spec);
		const key = 'blocks.0.0.ghost1';
		const { logits, taps } = net.infer(x, { taps: [`${key}.primary`, `${key}.cheap`] });
		const primary = taps[`${key}.primary`];
		const [, h, w, c] = primary.shape;
		const p = primary.dataSync();
		const got = taps[`${key}.cheap`].dataSync();
		const weight = ckpt.tensors.get(`${key}.cheap_operation.0.weight`)!.values as Float32Array; // [2c, 1, 3, 3]
		const bn = (n: string) => ckpt.tensors.get(`${key}.cheap_operation.1.${n}`)!.values as Float32Array;
		let maxDiff = 0;
		for (let o = 0; o < 2 * c; o++) {
			const g = Math.floor(o / 2); // PyTorch groups: output channel o reads input channel o // (s − 1)
			for (let y = 0; y < h; y++)
				for (let xx = 0; xx < w; xx++) {
					let acc = 0;
					for (let dy = 0; dy < 3; dy++)
						for (let dx = 0; dx < 3; dx++) {
							const yy = y + dy - 1;
							const xw = xx + dx - 1;
							if (yy >= 0 && yy < h && xw >= 0 && xw < w)
								acc += p[(yy * w + xw) * c + g] * weight[o * 9 + dy * 3 + dx];
						}
					const norm =
						((acc - bn('running_mean')[o]) / Math.sqrt(bn('running_var')[o] + 1e-5)) * bn('weight')[o] +
						bn('bias')[o];
					maxDiff = Math.max(maxDiff, Math.abs(Math.max(0, norm) - got[(y * w + xx) * 2 * c + o]));
				}
		}
		expect(maxDiff).toBeLessThan(1e-5);
		tf.dispose([x, logits, ...Object.values(taps)]);
		net.dispose();
	});

	it('ghostRatio 3 (odd slice) and moduleKind conv build and run', () => {
		for (const spec of [
			ghostnet({ width: 0.25, resolution: 32, numClasses: 5, ghostRatio: 3 }),
			ghostnet({ width: 0.25, resolution: 32, numClasses: 5, moduleKind: 'conv' }),
			efficientnet({ phi: -3, numClasses: 5 })
		]) {
			const net = loadNetwork(spec, syntheticCheckpoint(spec));
			expect(net.paramCount).toBe(cost(spec).params);
			const x = input(spec);
			const { logits, taps } = net.infer(x, { taps: ['features'] });
			expect(taps.features.shape.slice(1)).toEqual(spec.features);
			expect(Number.isFinite(logits.dataSync()[0])).toBe(true);
			tf.dispose([x, logits, taps.features]);
			net.dispose();
		}
	});

	it('rejects unknown taps and bad inputs with NetUsageError', () => {
		const net = loadNetwork(smallEffSpec, smallEffWeights());
		const x = input(smallEffSpec);
		const before = tf.memory().numTensors;
		expect(() => net.infer(x, { taps: ['blocks.99'] })).toThrow(NetUsageError);
		const gray = tf.zeros([1, 64, 64, 1]) as tf.Tensor4D;
		expect(() => net.infer(gray)).toThrow(NetUsageError);
		expect(tf.memory().numTensors).toBe(before + 1);
		tf.dispose([x, gray]);
		net.dispose();
		expect(() => net.infer(x)).toThrow(/after dispose/);
	});
});

describe('memory', () => {
	it('repeated infer, classify and warmup leave no tensors; dispose returns to baseline', async () => {
		const baseline = tf.memory().numTensors;
		const net = loadNetwork(smallGhostSpec, smallGhostWeights());
		const x = input(smallGhostSpec);
		const loaded = tf.memory().numTensors;
		expect(loaded).toBeGreaterThan(baseline + 1);
		await net.warmup();
		for (let i = 0; i < 3; i++) {
			const { logits, taps } = net.infer(x, {
				taps: ['conv_stem', 'blocks.3', 'blocks.3.0.ghost1.cheap', 'features']
			});
			tf.dispose([logits, ...Object.values(taps)]);
			const top = await net.classify(x, 3);
			expect(top).toHaveLength(3);
			expect(top[0].probability).toBeGreaterThanOrEqual(top[1].probability);
			expect(tf.memory().numTensors).toBe(loaded);
		}
		x.dispose();
		net.dispose();
		expect(tf.memory().numTensors).toBe(baseline);
	});

	it('a pass releases each map once no later op reads it: live tensors stay few at every stage', () => {
		for (const [spec, weights] of [
			[smallGhostSpec, smallGhostWeights],
			[smallEffSpec, smallEffWeights]
		] as const) {
			const net = loadNetwork(spec, weights());
			const x = input(spec);
			const loaded = tf.memory().numTensors;
			const live: number[] = [];
			const { logits } = net.infer(x, { onSection: () => live.push(tf.memory().numTensors - loaded) });
			// stem, each stage, head: only the current map is alive; then the logits (and their reshape).
			expect(live).toEqual([...Array(spec.stages.length + 2).fill(1), 2]);
			tf.dispose([x, logits]);
			net.dispose();
		}
	});

	it('classify probabilities are the softmax of the logits', async () => {
		const net = loadNetwork(smallEffSpec, smallEffWeights());
		const x = input(smallEffSpec);
		const logits = net.infer(x).logits;
		const probs = tf.tidy(() => tf.softmax(logits).dataSync());
		const top = await net.classify(x, 10);
		expect(top.map((p) => p.probability).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		for (const p of top) expect(p.probability).toBeCloseTo(probs[p.index], 6);
		tf.dispose([x, logits]);
		net.dispose();
	});

	it('a mismatched checkpoint allocates nothing', () => {
		const baseline = tf.memory().numTensors;
		expect(() => loadNetwork(smallEffSpec, smallGhostWeights())).toThrow(WeightMappingError);
		expect(() => loadNetwork(ghostnet({ width: 0.5 }), smallGhostWeights())).toThrow(WeightMappingError);
		expect(tf.memory().numTensors).toBe(baseline);
	});
});
