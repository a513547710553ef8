import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSafetensors, writeSafetensors } from '../src/lib/nets/weights/safetensors';
import { formatReport, runParity, specFromMetadata } from './parity';

const FIXTURES = ['efficientnet_w0.25_d0.5', 'ghostnet_w0.25'];
const read = (stem: string, kind: 'weights' | 'io') =>
	readFileSync(`tests/fixtures/small/${stem}.${kind}.safetensors`);

/** The fixture with one tensor changed. */
function perturbed(stem: string, key: string, change: (v: Float32Array) => void): Uint8Array {
	const file = readSafetensors(read(stem, 'weights'));
	const tensors = [...file.tensors.values()].map((t) => {
		const values = t.values instanceof Float32Array ? t.values.slice() : t.values;
		if (t.name === key) change(values as Float32Array);
		return { name: t.name, shape: t.shape, values };
	});
	return writeSafetensors(tensors, file.metadata);
}

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
});

describe('parity on the small timm fixtures', () => {
	for (const stem of FIXTURES) {
		it(`${stem} matches timm within tolerance`, () => {
			const before = tf.memory().numTensors;
			const report = runParity(read(stem, 'weights'), read(stem, 'io'));
			expect(report.ok, formatReport(report)).toBe(true);
			expect(report.rows.map((r) => r.name)).toContain('conv_stem');
			expect(report.rows.map((r) => r.name)).toContain('features');
			expect(report.rows[report.rows.length - 1].name).toBe('logits');
			expect(tf.memory().numTensors).toBe(before);
		});
	}

	it('fails when a weight is off (a scaled depthwise kernel in stage 2)', () => {
		const bytes = perturbed('efficientnet_w0.25_d0.5', 'blocks.2.0.conv_dw.weight', (v) =>
			v.forEach((x, i) => (v[i] = x * 1.05))
		);
		const report = runParity(bytes, read('efficientnet_w0.25_d0.5', 'io'));
		expect(report.ok).toBe(false);
		const failing = report.rows.filter((r) => !r.ok).map((r) => r.name);
		expect(failing).toContain('blocks.2');
		expect(failing).not.toContain('blocks.1');
	});

	it('fails on a classifier bias 2e-4 off (logits tolerance 1e-4)', () => {
		const bytes = perturbed('ghostnet_w0.25', 'classifier.bias', (v) => (v[3] += 2e-4));
		const report = runParity(bytes, read('ghostnet_w0.25', 'io'));
		expect(report.rows.filter((r) => !r.ok).map((r) => r.name)).toEqual(['logits']);
	});

	it('reads the network from the metadata', () => {
		const spec = specFromMetadata({
			family: 'ghostnet',
			width_multiplier: '1.0',
			resolution: '224',
			num_classes: '1000'
		});
		expect(spec.name).toBe('ghostnet_100');
		expect(() =>
			specFromMetadata({ family: 'resnet', width_multiplier: '1', resolution: '224', num_classes: '10' })
		).toThrow(/family/);
		expect(() => specFromMetadata({ family: 'ghostnet', resolution: '224', num_classes: '10' })).toThrow(
			/width_multiplier/
		);
	});

	it('builds the ghost ratio and module kind the trainer exports (reproduction checkpoints)', () => {
		const meta = { family: 'ghostnet', width_multiplier: '0.5', resolution: '32', num_classes: '10' };
		const plain = specFromMetadata(meta);
		expect(plain.config).toMatchObject({ ratio: 2, moduleKind: 'ghost' });
		const s3 = specFromMetadata({ ...meta, ghost_ratio: '3', module_kind: 'ghost' });
		expect(s3.config).toMatchObject({ ratio: 3, moduleKind: 'ghost' });
		expect(s3.name).not.toBe(plain.name);
		const conv = specFromMetadata({ ...meta, ghost_ratio: '2', module_kind: 'conv' });
		expect(conv.config).toMatchObject({ moduleKind: 'conv' });
		// Different networks: the conv variant has no cheap operation, s = 3 fewer primary channels.
		const keys = (spec: typeof plain) => JSON.stringify(spec.stages.map((st) => st.blocks));
		expect(keys(conv)).not.toBe(keys(plain));
		expect(keys(s3)).not.toBe(keys(plain));
		expect(() => specFromMetadata({ ...meta, module_kind: 'dense' })).toThrow(/module_kind/);
		expect(() => specFromMetadata({ ...meta, ghost_ratio: 'two' })).toThrow(/ghost_ratio/);
	});
});

describe('parity command line', () => {
	const run = promisify(execFile);
	it('exits 0 on a passing fixture and 2 on a mismatched pair', async () => {
		const small = 'tests/fixtures/small';
		const ok = await run('npx', [
			'tsx',
			'scripts/parity.ts',
			`${small}/ghostnet_w0.25.weights.safetensors`,
			`${small}/ghostnet_w0.25.io.safetensors`
		]);
		expect(ok.stdout).toMatch(/ghostnet_w0.25: PASS/);
		const bad = run('npx', [
			'tsx',
			'scripts/parity.ts',
			`${small}/ghostnet_w0.25.weights.safetensors`,
			`${small}/efficientnet_w0.25_d0.5.io.safetensors`
		]);
		await expect(bad).rejects.toMatchObject({ code: 2 });
	});
});
