// "Where the time goes" in both articles and both languages, in Chromium on the production build: the
// bundled Fashion-MNIST networks are profiled in the live runtime's worker on its backend, the tables
// fill from the real run, and switching networks gives the comparison.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, loadDeferredFigures, openHydrated, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const cases = [
	{
		lang: 'en',
		article: 'efficientnet',
		first: 'fmnist-efficientnet',
		other: 'fmnist-ghostnet',
		measured: /^Measured on WebAssembly: 7 profiled passes/
	},
	{
		lang: 'zh',
		article: 'ghostnet',
		first: 'fmnist-ghostnet',
		other: 'fmnist-efficientnet',
		measured: /^在 WebAssembly 上测量：占比来自 7 次/
	}
] as const;

async function until<T>(read: () => Promise<T>, accept: (v: T) => boolean, timeout = 50_000): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await read();
		if (accept(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

const shares = (figure: Locator, table: string, which: string) =>
	figure
		.getByTestId(table)
		.locator(`[data-testid="${which}"]`)
		.evaluateAll((els) => els.map((e) => Number.parseFloat(e.textContent ?? '')));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(cases)('where the time goes ($lang $article)', (c) => {
	it('profiles the bundled network in the worker, fills both tables and compares the two networks', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${c.lang}/${c.article}`);
		await loadDeferredFigures(page);
		const figure = page.getByTestId('time-profile');
		await figure.scrollIntoViewIfNeeded();
		await until(
			() => figure.getAttribute('data-model'),
			(v) => v?.startsWith(c.first) ?? false
		);
		expect(await figure.getAttribute('data-backend')).toBe('wasm');
		expect(await figure.getByTestId('profile-status').textContent()).toMatch(c.measured);
		for (const table of ['profile-sections', 'profile-kinds']) {
			const times = await shares(figure, table, 'time-share');
			expect(times.every(Number.isFinite), table).toBe(true);
			expect(Math.abs(sum(times) - 100)).toBeLessThan(0.6);
			expect(Math.abs(sum(await shares(figure, table, 'mac-share')) - 100)).toBeLessThan(0.6);
		}
		// The measurement ran in the worker: no tfjs on the page's thread.
		expect(await page.evaluate(() => 'tf' in globalThis)).toBe(false);

		const select = figure.getByTestId('model-select');
		const other = await select.locator(`option[value^="${c.other}"]`).getAttribute('value');
		await select.selectOption(other!);
		await until(
			() => figure.getAttribute('data-model'),
			(v) => v?.startsWith(c.other) ?? false
		);
		const comparison = await figure.getByTestId('profile-comparison').textContent();
		expect(comparison).toMatch(
			c.lang === 'en' ? /GhostNet .* fewer MACs than EfficientNet/ : /GhostNet .* 的 MACs 只有 EfficientNet/
		);

		// Measuring again from the keyboard keeps the figure's height and the tensor count.
		const box = await figure.boundingBox();
		const tensors = await figure.getAttribute('data-num-tensors');
		const button = figure.getByTestId('measure-again');
		await button.focus();
		await page.keyboard.press('Enter');
		await until(
			() => figure.getAttribute('aria-busy'),
			(v) => v === 'false',
			60_000
		);
		expect((await figure.boundingBox())?.height).toBe(box?.height);
		expect(await figure.getAttribute('data-num-tensors')).toBe(tensors);
		expect(problems.console).toEqual([]);
		await context.close();
	});
});
