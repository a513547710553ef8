// Headless Debian Chromium for the benchmark (the browser tests' flags, tests/e2e/chromium.js, plus
// precise heap sizes and window.gc for memory baselines).
import { launchHeadlessChromium } from '../../tests/e2e/chromium.js';

export function launchChromium() {
	return launchHeadlessChromium([
		'--enable-precise-memory-info',
		// window.gc(), so that memory baselines are taken after a full collection
		'--js-flags=--expose-gc'
	]);
}

/**
 * A fresh context (own renderer, own caches) with the benchmark page loaded and ready.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function openBenchPage(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (error) => errors.push(String(error)));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('response', (response) => {
		if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
	});
	await page.goto(url);
	await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
	/**
	 * Calls window.bench[name](arg) in the page.
	 * @param {string} name
	 * @param {unknown} [arg]
	 */
	const call = (name, arg) =>
		page.evaluate(
			// @ts-expect-error window.bench is defined by the page
			([fn, value]) => window.bench[fn](value),
			/** @type {[string, unknown]} */ ([name, arg])
		);
	return { page, call, errors, close: () => context.close() };
}
