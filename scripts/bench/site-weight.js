// Page weight as the browser sees it: the scripts and stylesheets each production page actually
// loads (until the network is idle, no interaction), gzip-compressed from the built files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes } from './page-weight.js';

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
		const size = (/** @type {Set<string>} */ files) =>
			[...files].reduce((n, f) => n + gzipBytes(readFileSync(join(root, decodeURIComponent(f)))), 0);
		out.push({
			page: path,
			jsGzip: size(seen.js),
			cssGzip: size(seen.css),
			jsFiles: [...seen.js].sort(),
			cssFiles: [...seen.css].sort()
		});
	}
	return out;
}
