/**
 * The production build on a static host that sends no COOP/COEP headers (as GitHub Pages): the
 * isolation service worker (src/lib/isolation/isolation-plugin.ts) must make the page cross-origin
 * isolated, so that the threaded wasm backend runs; on a server that sends the headers it must stay out
 * of the way.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, watchProblems } from './browser';

const BUILD = join(process.cwd(), 'build');
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.jpg': 'image/jpeg',
	'.png': 'image/png'
};

/** Serves build/ as a plain static host would: files, `<path>.html` for prerendered pages, no extra headers. */
function startPlainHost(): Promise<Server> {
	const server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => join(BUILD, p));
		const file = candidates.find((f) => f.startsWith(BUILD) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			response.writeHead(404, { 'Content-Type': TYPES['.html'] });
			createReadStream(join(BUILD, '404.html')).pipe(response);
			return;
		}
		response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const isolated = (page: Page) => page.evaluate(() => globalThis.crossOriginIsolated === true);

let browser: Browser;
let host: Server;
let hostURL: string;
beforeAll(async () => {
	[browser, host] = await Promise.all([launch(), startPlainHost()]);
	hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => host?.close(resolve));
});

describe('cross-origin isolation on a static host without COOP/COEP headers', () => {
	it('the service worker isolates the page after one reload; wasm then runs with 2 threads', async () => {
		const context = await browser.newContext();
		// Four reported cores make the site ask for 2 threads (ceil(4 / 2)), which needs SharedArrayBuffer.
		await context.addInitScript(() => {
			Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => 4 });
			localStorage.setItem('egn.backend.v1', 'wasm');
		});
		const page = await context.newPage();
		const problems = watchProblems(page);
		const first = await page.goto(`${hostURL}/en/classify`);
		expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
		await expect.poll(() => isolated(page).catch(() => false), { timeout: 30_000 }).toBe(true);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
			`${hostURL}/coi-serviceworker.js`
		);
		await expect
			.poll(() => page.getByTestId('runtime-details').textContent(), { timeout: 120_000 })
			.toMatch(/WebAssembly backend: SIMD on, 2 threads/);
		await page.waitForFunction(
			() =>
				[...document.querySelectorAll('.egn-classifier article.card')].filter(
					(c) => c.getAttribute('data-top-index') !== ''
				).length === 2,
			undefined,
			{ timeout: 240_000 }
		);
		// The one reload cancels the first load's module requests (net::ERR_ABORTED); nothing else may fail.
		const failed = problems.failed.filter((f) => !f.endsWith('net::ERR_ABORTED'));
		expect({ console: problems.console, failed }).toEqual({ console: [], failed: [] });

		// A second page of the site is isolated from its first load: the worker controls the origin.
		const article = await context.newPage();
		await article.goto(`${hostURL}/zh/ghostnet`);
		expect(await isolated(article)).toBe(true);
		await expect(article.locator('main h1').count()).resolves.toBeGreaterThan(0);
		await context.close();
	}, 300_000);

	it('where the server sends the headers (vite preview), no service worker is registered', async () => {
		const page = await browser.newPage();
		const problems = watchProblems(page);
		await page.goto(`${baseURL()}/en/ghostnet`, { waitUntil: 'networkidle' });
		expect(await isolated(page)).toBe(true);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(
			0
		);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});
});
