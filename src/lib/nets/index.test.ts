import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as nets from './index';

describe('$lib/nets public API', () => {
	it('exports the documented functions and errors', () => {
		for (const name of [
			'efficientnet',
			'ghostnet',
			'cost',
			'readSafetensors',
			'mapTimmWeights',
			'loadNetwork',
			'tapNames'
		] as const) {
			expect(typeof nets[name]).toBe('function');
		}
		expect(new nets.SpecError('width', 0, 'x')).toBeInstanceOf(Error);
		expect(nets.SafetensorsError.name).toBe('SafetensorsError');
		expect(nets.WeightMappingError.name).toBe('WeightMappingError');
	});

	it('index.ts imports tfjs only through the lazy loadNetwork', () => {
		const source = readFileSync('src/lib/nets/index.ts', 'utf8');
		const staticImports = source.match(/^(import|export) .* from '.*';$/gm) ?? [];
		for (const line of staticImports) {
			expect(
				line.startsWith('import type') || line.startsWith('export type') || !/build|tfjs/.test(line),
				line
			).toBe(true);
		}
		for (const pure of [
			'cost.ts',
			'fold.ts',
			'weights/safetensors.ts',
			'weights/timm.ts',
			...[
				'efficientnet',
				'ghostnet',
				'layers',
				'rounding',
				'state-dict',
				'taps',
				'types',
				'validate',
				'index'
			].map((f) => `spec/${f}.ts`)
		]) {
			expect(readFileSync(`src/lib/nets/${pure}`, 'utf8'), pure).not.toMatch(
				/@tensorflow|from '\.\.?\/build/
			);
		}
	});

	it('loads a network end to end from bytes', async () => {
		await tf.setBackend('cpu');
		const spec = nets.ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
		const file = nets.readSafetensors(
			readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors')
		);
		const net = await nets.loadNetwork(spec, nets.mapTimmWeights(spec, file));
		expect(net.paramCount).toBe(nets.cost(spec).params);
		net.dispose();
	});
});
