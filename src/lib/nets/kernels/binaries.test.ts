import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binariesModule, KERNELS_DIR } from '../../../../scripts/build-wasm-kernels.js';

describe('the wasm kernels', () => {
	const sources = readdirSync(KERNELS_DIR).filter((f) => f.endsWith('.wat'));

	it('are silu and concat', () => {
		expect(sources.sort()).toEqual(['concat.wat', 'silu.wat']);
	});

	it.each(sources)(
		'%s: the committed binaries are assembled from it as it is now (npm run kernels)',
		async (file) => {
			const name = file.replace(/\.wat$/, '');
			const source = readFileSync(`${KERNELS_DIR}/${file}`, 'utf8');
			expect(readFileSync(`${KERNELS_DIR}/${name}.binaries.ts`, 'utf8')).toBe(
				await binariesModule(name, source)
			);
		}
	);
});
