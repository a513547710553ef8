import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISLAND_STYLED } from '../../../svelte.config.js';
import { ISLANDS, provideIslandRenderer, renderIsland } from './islands';

/** The island figures' modules, as the browser loads them (src/component-loaders.ts). */
function islandModules(): Map<string, string> {
	const source = readFileSync('src/component-loaders.ts', 'utf8');
	return new Map(
		[...source.matchAll(/(\w+): \(\) => import\('\$lib\/([^']+)'\)/g)].map((m) => [m[1], `src/lib/${m[2]}`])
	);
}

/** Every file a module imports, directly or not, within src/lib. */
function importClosure(root: string): Set<string> {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
			const base = spec.startsWith('$lib/')
				? `src/lib/${spec.slice(5)}`
				: spec.startsWith('.')
					? normalize(join(dirname(file), spec))
					: null;
			const found =
				base && [base, `${base}.ts`, `${base}/index.ts`].find((f) => existsSync(f) && f.includes('.'));
			if (found) visit(found);
		}
	};
	visit(root);
	return seen;
}

describe('islands', () => {
	it('every island has a module, and every component it renders with styles carries them (svelte.config.js)', () => {
		const modules = islandModules();
		const styled = new Set<string>();
		for (const name of ISLANDS) {
			const module = modules.get(name);
			expect(module, name).toBeDefined();
			for (const file of importClosure(module!))
				if (file.endsWith('.svelte') && readFileSync(file, 'utf8').includes('<style')) styled.add(file);
		}
		expect(styled.size).toBeGreaterThan(ISLANDS.length);
		const uncovered = [...styled].filter((file) => !ISLAND_STYLED.some((path) => file.includes(path)));
		expect(uncovered).toEqual([]);
	});

	it('renders on the server through the renderer the server provides, and not in the browser', () => {
		expect(renderIsland('ghostNetTable', { lang: 'en' })).toBeNull();
		const calls: unknown[] = [];
		provideIslandRenderer((name, props) => {
			calls.push([name, props]);
			return { body: '<p>table</p>', head: '' };
		});
		expect(renderIsland('ghostNetTable', { lang: 'zh' })).toEqual({ body: '<p>table</p>', head: '' });
		expect(calls).toEqual([['ghostNetTable', { lang: 'zh' }]]);
	});
});
