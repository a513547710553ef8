// Page weight as the browser sees it: the scripts and stylesheets each production page actually
// loads (until the network is idle, no interaction), gzip-compressed from the built files. The network
// runtime (tfjs chunks, and the live runtime's worker with everything it imports) loaded without
// interaction is reported separately: a page loads it only when a live part is near.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes } from './page-weight.js';

/** Kernel names only tfjs-core's chunk carries: a loaded file containing one is (part of) tfjs. */
const TFJS_MARKERS = ['FusedDepthwiseConv2D', 'WEBGL_VERSION'];

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin the server's URL; the site is mounted at '/'
 * @param {string} root the build directory
 * @param {string[]} pages URL paths
 */
export async function browserPageWeights(browser, origin, root, pages) {
	const out = [];
	for (const path of pages) {
		const context = await browser.newContext();
		const page = await context.newPage();
		/** @type {{ js: Set<string>, css: Set<string> }} */
		const seen = { js: new Set(), css: new Set() };
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (url.origin !== origin || response.status() !== 200) return;
			const type = response.request().resourceType();
			if (type === 'script' || url.pathname.endsWith('.js')) seen.js.add(url.pathname);
			else if (type === 'stylesheet' || url.pathname.endsWith('.css')) seen.css.add(url.pathname);
		});
		await page.goto(origin + path, { waitUntil: 'networkidle' });
		await context.close();
		const read = (/** @type {string} */ f) => readFileSync(join(root, decodeURIComponent(f)));
		const size = (/** @type {string[]} */ files) => files.reduce((n, f) => n + gzipBytes(read(f)), 0);
		const js = [...seen.js].sort();
		const tfjsFiles = js.filter((f) => {
			if (f.includes('/_app/immutable/workers/')) return true;
			const code = read(f).toString('utf8');
			return TFJS_MARKERS.some((m) => code.includes(m));
		});
		out.push({
			page: path,
			jsGzip: size(js),
			cssGzip: size([...seen.css]),
			/** JS without the network runtime (tfjs, the worker): what the page costs before a network is needed. */
			jsGzipWithoutTfjs: size(js.filter((f) => !tfjsFiles.includes(f))),
			tfjsAtStartup: tfjsFiles.length > 0,
			jsFiles: js,
			tfjsFiles,
			cssFiles: [...seen.css].sort()
		});
	}
	return out;
}
