// axe-core on every page, in both languages, on a phone (360 px, touch) and a desktop (1280 px):
// once as the page loads, and again after the reader has scrolled through it, so that every live
// figure has started, loaded its network and drawn its result (the classifier has classified).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { baseURL, launch, loadDeferredFigures, openHydrated, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const PAGES = [
	'/',
	'/zh',
	'/en',
	'/zh/efficientnet',
	'/en/efficientnet',
	'/zh/ghostnet',
	'/en/ghostnet',
	'/zh/classify',
	'/en/classify',
	'/404'
];
const VIEWPORTS = [
	{ name: 'phone', width: 360, height: 740, touch: true },
	{ name: 'desktop', width: 1280, height: 900, touch: false }
] as const;

/** Scrolls to the bottom a screen at a time, letting each live figure start, then waits until none is busy. */
async function runLiveParts(page: Page) {
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	const step = (page.viewportSize()?.height ?? 800) * 0.8;
	for (let y = 0; y < height; y += step) {
		await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForTimeout(150);
	}
	// The figures whose code loads as the reader comes near are all there, so axe sees them too.
	await loadDeferredFigures(page);
	await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
		timeout: 120_000
	});
}

describe.each(VIEWPORTS)('axe-core, $name ($width px)', (viewport) => {
	it.each(PAGES)('%s: no violations on load or after the live parts have run', async (path) => {
		const context = await browser.newContext({
			viewport: { width: viewport.width, height: viewport.height },
			hasTouch: viewport.touch,
			isMobile: viewport.touch
		});
		const page = await context.newPage();
		const problems = watchProblems(page);
		// Scroll regions become keyboard stops as the page hydrates, which a busy machine may finish
		// after the network has gone quiet.
		await openHydrated(page, baseURL() + path);
		expect(describeViolations(await axeViolations(page)), 'on load').toEqual([]);
		await runLiveParts(page);
		// Every classifier on the page (the /classify page's, an article's embedded one) has both answers.
		await page.waitForFunction(
			() =>
				[...document.querySelectorAll('.egn-classifier')].every((c) =>
					[...c.querySelectorAll('article.card')].every((card) => card.getAttribute('data-top-index') !== '')
				),
			null,
			{ timeout: 120_000 }
		);
		expect(describeViolations(await axeViolations(page)), 'after the live parts').toEqual([]);
		expect(problems.console).toEqual([]);
		await context.close();
	});
});
