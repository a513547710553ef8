import type { Browser, Page, ConsoleMessage } from 'playwright-core';
import { inject } from 'vitest';
import { launchHeadlessChromium } from './chromium.js';

export const baseURL = () => inject('baseURL');

/** Headless Debian Chromium with the flags this closed network needs (no background connections). */
export function launch(): Promise<Browser> {
	return launchHeadlessChromium();
}

export interface PageProblems {
	console: string[];
	failed: string[];
}

/** Collects console errors, page errors and failed or error-status requests of a page. */
export function watchProblems(page: Page): PageProblems {
	const problems: PageProblems = { console: [], failed: [] };
	page.on('console', (msg: ConsoleMessage) => {
		if (msg.type() === 'error') problems.console.push(msg.text());
	});
	page.on('pageerror', (err) => problems.console.push(String(err)));
	page.on('requestfailed', (req) => problems.failed.push(`${req.url()} ${req.failure()?.errorText ?? ''}`));
	page.on('response', (res) => {
		if (res.status() >= 400) problems.failed.push(`${res.url()} ${res.status()}`);
	});
	return problems;
}

/**
 * Opens `url` and waits until the network is quiet and the page has hydrated (the root layout marks
 * <html>), then for two frames so that its resize observers have run: ready for a reader.
 */
export async function openHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))))
	);
}

/**
 * Scrolls to each of the page's deferred figures in turn (their code loads only as a reader comes near)
 * and waits until it has arrived.
 */
export async function loadDeferredFigures(page: Page): Promise<void> {
	const boxes = page.locator('[data-deferred]');
	const count = await boxes.count();
	for (let i = 0; i < count; i++) {
		await boxes.nth(i).scrollIntoViewIfNeeded();
		await page.waitForFunction(
			(index) =>
				document.querySelectorAll('[data-deferred]')[index]?.getAttribute('data-deferred') === 'ready',
			i,
			{ timeout: 60_000 }
		);
	}
}
