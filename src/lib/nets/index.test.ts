import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import * as nets from './index';
import * as netsTf from './tf';

/** Every module index.ts reaches through value (non-type) imports, and what each imports by value. */
function valueImports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
	if (seen.has(file)) return seen;
	const source = readFileSync(file, 'utf8');
	const specifiers = [...source.matchAll(/^(?:import|export) (?!type\b)[^;]*?from '([^']+)';$/gms)].map(
		(m) => m[1]
	);
	seen.set(file, specifiers);
	for (const spec of specifiers.filter((s) => s.startsWith('.')))
		valueImports(normalize(join(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`)), seen);
	return seen;
}

describe('$lib/nets public API', () => {
	it('exports the documented functions and errors; tfjs-side ones from $lib/nets/tf', () => {
		for (const name of [
			'efficientnet',
			'ghostnet',
			'ghostEfficientNet',
			'cost',
			'readSafetensors',
			'mapTimmWeights',
			'tapNames',
			'preprocessPixels',
			'loadCheckpoint'
		] as const) {
			expect(typeof nets[name]).toBe('function');
		}
		expect(new nets.SpecError('width', 0, 'x')).toBeInstanceOf(Error);
		expect(nets.SafetensorsError.name).toBe('SafetensorsError');
		expect(nets.WeightMappingError.name).toBe('WeightMappingError');
		expect(nets.WeightsError.name).toBe('WeightsError');
		for (const name of ['loadNetwork', 'loadTf', 'selectBackend', 'tfBackendHost', 'inputTensor'] as const)
			expect(typeof netsTf[name]).toBe('function');
		expect('loadNetwork' in nets).toBe(false);
	});

	it('nothing index.ts reaches imports tfjs or the builder (pages that use it never bundle tfjs)', () => {
		const graph = valueImports('src/lib/nets/index.ts');
		expect(graph.size).toBeGreaterThan(10);
		for (const [file, specifiers] of graph) {
			for (const spec of specifiers) expect(spec, file).not.toMatch(/@tensorflow|\/build$|\/runtime$|\/tf$/);
		}
	});

	it('loads a network end to end from bytes', async () => {
		await tf.setBackend('cpu');
		const spec = nets.ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
		const file = nets.readSafetensors(
			readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors')
		);
		const net = netsTf.loadNetwork(spec, nets.mapTimmWeights(spec, file));
		expect(net.paramCount).toBe(nets.cost(spec).params);
		net.dispose();
	});
});
