/**
 * The live runtime in Chromium: the networks run in a module Web Worker on the backend the automatic
 * policy measured (or the reader chose), the page's main thread stays free, and a browser without
 * module workers still works on its main thread. This machine's WebGL is SwiftShader (software), so a
 * faster or slower GPU is simulated with the developer setting `egn.gpuTest.v1`: a hardware renderer
 * name and a measured WebGL time of wasm's divided by `speedup` (src/lib/live/settings.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function open(storage: Record<string, string> = {}, init?: () => void) {
	const context = await browser.newContext();
	await context.addInitScript((items) => {
		for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
	}, storage);
	if (init) await context.addInitScript(init);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.goto(`${baseURL()}/en/classify`);
	return { context, page, problems };
}

/** Both cards show a finished result (the timed latency included) and nothing is running. */
async function classified(page: Page) {
	await page.waitForFunction(
		() => {
			const section = document.querySelector('.egn-classifier');
			const cards = [...(section?.querySelectorAll('article.card') ?? [])];
			return (
				section?.getAttribute('aria-busy') === 'false' &&
				cards.length === 2 &&
				cards.every((c) => (c.getAttribute('data-top-index') ?? '') !== '') &&
				cards.every((c) => /ms$/.test(c.querySelector('dd.latency')?.textContent?.trim() ?? ''))
			);
		},
		undefined,
		{ timeout: 120_000 }
	);
}

const backends = (page: Page) =>
	page.locator('article.card dd.backend').evaluateAll((dds) => dds.map((d) => d.textContent?.trim()));
const why = (page: Page) => page.getByTestId('backend-why').textContent();
const panel = (page: Page) => page.locator('fieldset.backend');

describe('the networks run in a module Web Worker', () => {
	it('classifies on wasm in a worker; the software WebGL is not tried; the worker is a real one', async () => {
		const { context, page, problems } = await open();
		await classified(page);
		expect(await backends(page)).toEqual(['WebAssembly', 'WebAssembly']);
		await expect(panel(page).locator('.status').textContent()).resolves.toMatch(/in a background worker/);
		await expect.poll(() => why(page), { timeout: 60_000 }).toMatch(/rendered in software \(.*SwiftShader/);
		await expect(panel(page).getAttribute('data-gpu')).resolves.toBe('software');
		expect(page.workers().some((w) => /\/workers\/worker-[\w-]+\.js$/.test(w.url()))).toBe(true);
		// No tfjs on the page's own thread: it lives in the worker.
		expect(await page.evaluate(() => 'tf' in window || '_tfengine' in window)).toBe(false);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 180_000);

	it('stays on wasm when a (simulated) GPU measures slower, and says so with both times', async () => {
		const gpuTest = JSON.stringify({ renderer: 'Test GPU', speedup: 0.5 });
		const { context, page, problems } = await open({ 'egn.gpuTest.v1': gpuTest });
		await classified(page);
		await expect
			.poll(() => why(page), { timeout: 120_000 })
			.toMatch(
				/^Automatic: measured on .+, WebGL [\d.]+ ms and WebAssembly [\d.]+ ms per image, so WebAssembly runs\.$/
			);
		const text = (await why(page)) ?? '';
		const [webgl, wasm] = [...text.matchAll(/([\d.]+) ms/g)].map((m) => Number(m[1]));
		expect(webgl).toBeCloseTo(2 * wasm, 0);
		await page.getByRole('list', { name: 'Sample images' }).getByRole('button').nth(1).click();
		await classified(page);
		expect(await backends(page)).toEqual(['WebAssembly', 'WebAssembly']);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 180_000);

	it('switches to WebGL when a (simulated) GPU measures faster, and classifies there', async () => {
		const gpuTest = JSON.stringify({ renderer: 'Test GPU', speedup: 2 });
		const { context, page, problems } = await open({ 'egn.gpuTest.v1': gpuTest });
		await classified(page);
		await expect
			.poll(() => why(page), { timeout: 180_000 })
			.toMatch(
				/^Automatic: measured on .+, WebGL [\d.]+ ms and WebAssembly [\d.]+ ms per image, so WebGL runs\.$/
			);
		await expect(panel(page).getAttribute('data-active')).resolves.toBe('webgl');
		await page.getByRole('list', { name: 'Sample images' }).getByRole('button').nth(1).click();
		await expect.poll(() => backends(page), { timeout: 120_000 }).toEqual(['WebGL', 'WebGL']);
		await classified(page);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 300_000);
});

describe('a browser without module workers', () => {
	it('runs the networks on the main thread, says so, and classifies', async () => {
		const { context, page, problems } = await open({}, () => {
			// An older browser: no Worker constructor at all.
			Object.defineProperty(window, 'Worker', { value: undefined });
		});
		await classified(page);
		expect(await backends(page)).toEqual(['WebAssembly', 'WebAssembly']);
		await expect(panel(page).locator('.status').textContent()).resolves.toMatch(
			/on the page's main thread \(this browser has no module workers\)/
		);
		expect(page.workers().filter((w) => /\/workers\//.test(w.url()))).toEqual([]);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 180_000);

	it('also without OffscreenCanvas (the worker could not read images)', async () => {
		const { context, page, problems } = await open({}, () => {
			Object.defineProperty(window, 'OffscreenCanvas', { value: undefined });
		});
		await classified(page);
		await expect(panel(page).locator('.status').textContent()).resolves.toMatch(/main thread/);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 180_000);
});
