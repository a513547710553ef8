/**
 * The shipped Fashion-MNIST weights (static/weights/fmnist-*.safetensors): their keys and shapes are
 * the ones the spec implies (through the timm mapping), and our tfjs networks compute what PyTorch
 * computed for the same fp16-rounded weights (tests/fixtures/fmnist/, written by export.py).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runParity, specFromMetadata } from '../parity';
import { loadNetwork } from '../../src/lib/nets/build';
import { cost } from '../../src/lib/nets/cost';
import { paddedRgba, readIdxImages } from '../../src/lib/nets/idx';
import { normalizeToNhwc } from '../../src/lib/nets/preprocess';
import { IMAGENET_MEAN, IMAGENET_STD } from '../../src/lib/nets/preprocess-config';
import { efficientnet, ghostnet, timmStateDict } from '../../src/lib/nets/spec/index';
import type { NetSpec } from '../../src/lib/nets/spec/types';
import { readSafetensors } from '../../src/lib/nets/weights/safetensors';
import { mapTimmWeights } from '../../src/lib/nets/weights/timm';

interface ManifestEntry {
	id: string;
	file: string;
	bytes: number;
	sha256: string;
	family: 'ghostnet' | 'efficientnet';
	spec: Record<string, number>;
	params: number;
	macs: number;
	testAccuracy: number;
	testImages: number;
	samples: { testIndices: number[]; predictions: number[]; accuracy: number };
	references: string[];
}

const manifest = JSON.parse(readFileSync('static/weights/fmnist-models.json', 'utf8')) as {
	models: ManifestEntry[];
};
const samples = JSON.parse(readFileSync('static/samples/fmnist/samples.json', 'utf8')) as {
	samples: { testIndex: number; label: number }[];
};

const specOf = (m: ManifestEntry): NetSpec =>
	m.family === 'ghostnet'
		? ghostnet(m.spec as unknown as Parameters<typeof ghostnet>[0])
		: efficientnet(m.spec as unknown as Parameters<typeof efficientnet>[0]);
const weightBytes = (m: ManifestEntry) => readFileSync(`static/weights/${m.file}`);

/** The 100 committed samples as the network input: 28x28 padded to 32x32, gray to RGB, ImageNet mean/std. */
function sampleBatch(): tf.Tensor4D {
	const bytes = new Uint8Array(
		gunzipSync(readFileSync('static/samples/fmnist/samples-images-idx3-ubyte.gz'))
	);
	const images = readIdxImages(bytes, [28, 28]);
	const n = images.shape[0];
	const input = new Float32Array(n * 32 * 32 * 3);
	for (let i = 0; i < n; i++) {
		const rgba = paddedRgba(images, i, 2);
		const rgb = new Uint8Array(32 * 32 * 3);
		for (let p = 0; p < 32 * 32; p++) rgb.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
		input.set(normalizeToNhwc(rgb, 3, IMAGENET_MEAN, IMAGENET_STD), i * 32 * 32 * 3);
	}
	return tf.tensor4d(input, [n, 32, 32, 3]);
}

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});

describe('the shipped Fashion-MNIST models', () => {
	it('are one GhostNet and one EfficientNet, each at most 3 MB, with the recorded accuracy ≥ 90%', () => {
		expect(manifest.models.map((m) => m.family).sort()).toEqual(['efficientnet', 'ghostnet']);
		for (const m of manifest.models) {
			expect(m.file).toMatch(/^fmnist-[\w.-]+\.safetensors$/);
			expect(statSync(`static/weights/${m.file}`).size).toBe(m.bytes);
			expect(m.bytes).toBeLessThanOrEqual(3_000_000);
			expect(createHash('sha256').update(weightBytes(m)).digest('hex')).toBe(m.sha256);
			expect(m.testImages).toBe(10000);
			expect(m.testAccuracy).toBeGreaterThanOrEqual(0.9);
		}
	});

	for (const m of manifest.models) {
		describe(m.id, () => {
			it('holds exactly the spec’s timm keys and shapes, as fp16, with matching metadata', () => {
				const spec = specOf(m);
				const file = readSafetensors(weightBytes(m));
				const expected = timmStateDict(spec);
				expect([...file.tensors.keys()]).toEqual(expected.map((e) => e.key));
				for (const e of expected) expect(file.tensors.get(e.key)?.shape, e.key).toEqual(e.shape);
				expect(new Set([...file.tensors.values()].map((t) => t.dtype))).toEqual(new Set(['F16']));
				expect(mapTimmWeights(spec, file).size).toBe(expected.length);
				expect(specFromMetadata(file.metadata).name).toBe(spec.name);
				expect(file.metadata.dataset).toBe('fashion-mnist');
				expect(JSON.parse(file.metadata.classes)).toHaveLength(10);
				expect(cost(spec).params).toBe(m.params);
				expect(cost(spec).macs).toBe(m.macs);
			});

			it('reproduces the PyTorch reference outputs (logits ≤ 1e-4, taps ≤ 1e-3 relative)', () => {
				const ios = m.references.filter((r) => r.endsWith('.io.safetensors'));
				expect(ios.length).toBeGreaterThanOrEqual(3);
				const before = tf.memory().numTensors;
				for (const io of ios) {
					const report = runParity(weightBytes(m), readFileSync(io));
					expect(report.ok, `${io}\n${formatReport(report)}`).toBe(true);
				}
				expect(tf.memory().numTensors).toBe(before);
			});

			it('gives PyTorch’s logits and predictions on the 100 committed samples', () => {
				const reference = readSafetensors(readFileSync(`tests/fixtures/fmnist/${m.id}.samples.safetensors`));
				expect(JSON.parse(reference.metadata.test_indices)).toEqual(samples.samples.map((s) => s.testIndex));
				expect(m.samples.testIndices).toEqual(samples.samples.map((s) => s.testIndex));
				const expectedLogits = reference.tensors.get('logits')!.values as Float32Array;
				const before = tf.memory().numTensors;
				const net = loadNetwork(specOf(m), readSafetensors(weightBytes(m)));
				const x = sampleBatch();
				const { logits } = net.infer(x);
				const ours = logits.dataSync();
				tf.dispose([x, logits]);
				net.dispose();
				expect(tf.memory().numTensors).toBe(before);
				let worst = 0;
				for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i] - expectedLogits[i]));
				expect(worst).toBeLessThanOrEqual(1e-4);
				const predictions = samples.samples.map((_, i) => {
					const row = Array.from(ours.subarray(i * 10, i * 10 + 10));
					return row.indexOf(Math.max(...row));
				});
				expect(predictions).toEqual(m.samples.predictions);
				const correct = samples.samples.filter((s, i) => predictions[i] === s.label).length;
				expect(correct / samples.samples.length).toBeCloseTo(m.samples.accuracy, 10);
			});
		});
	}
});
