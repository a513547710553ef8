import { describe, expect, it } from 'vitest';
import { pageAssets, pageUrl, staticImports } from './page-weight.js';

describe('page weight parsing', () => {
	it('finds modulepreloads, stylesheets, script src and inline import() calls', () => {
		const html = `<link rel="icon" href="../favicon.svg">
			<link href="../_app/a.js" rel="modulepreload"><link rel="stylesheet" href="../_app/x.css">
			<script src="/s.js"></script>
			<script>Promise.all([import("../_app/start.js"), import('../_app/app.js')])</script>`;
		expect(pageAssets(html)).toEqual({
			scripts: ['../_app/a.js', '/s.js', '../_app/start.js', '../_app/app.js'],
			styles: ['../_app/x.css']
		});
	});

	it('follows static imports but not dynamic ones', () => {
		const code = `import{a as b}from"./c.js";import"./d.js";export{e}from'./e.js';const f=()=>import("./lazy.js");`;
		expect(staticImports(code).sort()).toEqual(['./c.js', './d.js', './e.js']);
	});

	it('maps prerendered files to URL paths', () => {
		expect(['index.html', 'en.html', 'en/ghostnet.html', '404.html'].map(pageUrl)).toEqual([
			'/',
			'/en',
			'/en/ghostnet',
			'/404'
		]);
	});
});
