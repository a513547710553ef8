import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cost, efficientnet, ghostnet } from '$lib/nets';
import type { Net } from '$lib/nets/tf';
import { syntheticNet } from '../testing';
import { classifyKernels, macShares, OP_KINDS, profileNetwork, sections } from './profile';

// The bundled Fashion-MNIST architectures: at 32 px the last stage's maps are 1 × 1, like an SE unit's.
const b0 = efficientnet({ width: 0.5, depth: 1, resolution: 32, numClasses: 10 });
const ghost = ghostnet({ width: 0.5, resolution: 32, numClasses: 10 });

describe('macShares', () => {
	it.each([
		['EfficientNet-B0', efficientnet({ width: 1, depth: 1 })],
		['GhostNet 1.0×', ghostnet({ width: 1 })],
		['fmnist EfficientNet', b0]
	])('%s: the sections and the op kinds each add up to the cost model total', (_, spec) => {
		const { sections: bySection, kinds } = macShares(spec);
		const total = cost(spec).macs;
		const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
		expect(sum(bySection)).toBe(total);
		expect(sum(kinds)).toBe(total);
		expect([...bySection.keys()]).toEqual(sections(spec));
	});

	it('puts every SE conv of B0 under se, and its depthwise convs under depthwise', () => {
		const spec = efficientnet({ width: 1, depth: 1 });
		const byKey = new Map(cost(spec).layers.map((l) => [l.key, l.macs]));
		const seMacs = spec.layers
			.filter((l) => l.role === 'se')
			.reduce((a, l) => a + (byKey.get(l.key) ?? 0), 0);
		const dwMacs = spec.layers
			.filter((l) => l.op === 'depthwise')
			.reduce((a, l) => a + (byKey.get(l.key) ?? 0), 0);
		const { kinds } = macShares(spec);
		expect(kinds.get('se')).toBe(seMacs);
		expect(kinds.get('depthwise')).toBe(dwMacs);
		expect(seMacs).toBeGreaterThan(0);
	});
});

describe('classifyKernels', () => {
	const k = (name: string, section = 'blocks.1', inputShapes: number[][] = []) => ({
		name,
		section,
		inputShapes
	});

	it('tells 1×1 from k×k convs by the filter shape', () => {
		expect(
			classifyKernels([
				k('FusedConv2D', 'stem', [
					[1, 224, 224, 3],
					[3, 3, 3, 32]
				]),
				k('FusedConv2D', 'blocks.1', [
					[1, 56, 56, 16],
					[1, 1, 16, 96]
				]),
				k('FusedDepthwiseConv2D')
			])
		).toEqual(['conv-kxk', 'conv-1x1', 'depthwise']);
	});

	it('counts an SE unit from its pooling to the multiply by its gate, even on a 1 × 1 map', () => {
		const oneByOne = [
			[1, 1, 1, 96],
			[1, 1, 96, 24]
		];
		// EfficientNet: conv + SiLU, then SE: pool, reduce + SiLU, expand + fused sigmoid, gate; SiLU is
		// Sigmoid and Multiply, or one kernel on wasm.
		const block = (silu: string[]) => [
			k('FusedConv2D', 'blocks.6', oneByOne),
			...silu.map((name) => k(name)),
			k('AvgPool'),
			k('FusedConv2D', 'blocks.6', oneByOne),
			...silu.map((name) => k(name)),
			k('FusedConv2D', 'blocks.6', oneByOne),
			k('Multiply'),
			k('FusedConv2D', 'blocks.6', oneByOne),
			k('Add')
		];
		expect(classifyKernels(block(['Sigmoid', 'Multiply']))).toEqual([
			'conv-1x1',
			'elementwise',
			'elementwise',
			...Array(6).fill('se'),
			'conv-1x1',
			'elementwise'
		]);
		expect(classifyKernels(block(['EgnSilu']))).toEqual([
			'conv-1x1',
			'elementwise',
			...Array(5).fill('se'),
			'conv-1x1',
			'elementwise'
		]);
		// GhostNet: pool, reduce (fused ReLU), expand, hard sigmoid, gate.
		expect(
			classifyKernels([
				k('Mean'),
				k('FusedConv2D'),
				k('FusedConv2D'),
				k('ClipByValue'),
				k('Multiply'),
				k('Add')
			])
		).toEqual(['se', 'se', 'se', 'se', 'se', 'elementwise']);
	});

	it('the global pooling is pool, everything after it classifier', () => {
		expect(
			classifyKernels([k('Mean', 'classifier'), k('FusedConv2D', 'classifier'), k('Reshape', 'classifier')])
		).toEqual(['pool', 'classifier', 'classifier']);
	});
});

// On wasm, our own kernels (one-pass SiLU, the channel concat) run too: each must have its kind.
describe.each(['cpu', 'wasm'])('profileNetwork on the %s backend', (backend) => {
	let nets: Net[];
	beforeAll(async () => {
		await tf.setBackend(backend);
		await tf.ready();
		nets = [syntheticNet(b0), syntheticNet(ghost)];
	});
	afterAll(async () => {
		nets.forEach((n) => n.dispose());
		await tf.setBackend('cpu');
	});

	it.each([0, 1])('times every section and kind of network %i and leaves no tensor behind', async (i) => {
		const net = nets[i];
		const before = tf.memory().numTensors;
		const first = await profileNetwork(tf, net, 3);
		await profileNetwork(tf, net, 3);
		expect(tf.memory().numTensors).toBe(before);
		expect(first.backend).toBe(backend);
		expect(first.timed).toBe(true);
		expect(first.sections.map((s) => s.key)).toEqual(sections(net.spec));
		expect(first.kinds.map((s) => s.key)).toEqual([...OP_KINDS]);
		const sum = (xs: { ms: number }[]) => xs.reduce((a, s) => a + s.ms, 0);
		expect(sum(first.sections)).toBeCloseTo(first.kernelMs, 6);
		expect(sum(first.kinds)).toBeCloseTo(first.kernelMs, 6);
		// Every stage issues kernels that take time; nothing falls outside the known kinds.
		for (const s of first.sections) expect(s.ms, s.key).toBeGreaterThan(0);
		expect(first.kinds.find((s) => s.key === 'other')?.ms).toBe(0);
		expect(first.kinds.find((s) => s.key === 'se')?.ms).toBeGreaterThan(0);
		expect(first.sections.reduce((a, s) => a + s.macs, 0)).toBe(cost(net.spec).macs);
	});
});
