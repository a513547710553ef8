import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import results from '../../scripts/train/results/scaling.json';
import { baseURL, launch, openHydrated, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const FIGURE = '[data-testid=compound-runs]';
const networks = new Set(results.runs.map((r) => `${r.experiment}/${r.label}/${r.coefficients}/${r.phi}`));

describe.each([
	['en', 1280],
	['zh', 360]
] as const)('compound scaling trained (%s, %i px)', (lang, width) => {
	it('is reached from the "Same MACs" panel and read from the keyboard, chart and table', async () => {
		const page = await browser.newPage({ viewport: { width, height: 800 }, hasTouch: width < 400 });
		const problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${lang}/efficientnet`);
		await page.locator('a[href="#trained-scaling"]').click();
		await page.waitForURL(/#trained-scaling$/);
		const figure = page.locator(FIGURE);
		const box = await figure.boundingBox();
		expect(box && box.y < 800 && box.y + box.height > 0).toBe(true);

		// Tab reaches the grid chart; an arrow key reads the next point below the plot.
		const grid = figure.getByRole('listbox').first();
		await grid.focus();
		const readout = figure.locator('.readout').first();
		const first = await readout.textContent();
		await page.keyboard.press('ArrowDown');
		const second = await readout.textContent();
		expect(second).toMatch(/^α · β · γ = /);
		expect(second).not.toBe(first);

		// The table, opened from the keyboard, has one row per network of the file plus the header.
		const summary = figure.locator('summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		const rows = figure.locator('table tbody tr');
		await rows.first().waitFor();
		expect(await rows.count()).toBe(networks.size);

		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// Chart text stays readable on a phone.
		const smallest = await figure.evaluate((f) =>
			Math.min(...[...f.querySelectorAll('svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize)))
		);
		expect(smallest).toBeGreaterThanOrEqual(11);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});
});
