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

/** Scrolls to each element with `attribute` in turn and waits until it says 'ready'. */
async function scrollUntilReady(page: Page, attribute: string, timeout: number): Promise<void> {
	const count = await page.locator(`[${attribute}]`).count();
	for (let i = 0; i < count; i++) {
		await page.locator(`[${attribute}]`).nth(i).scrollIntoViewIfNeeded();
		await page.waitForFunction(
			([name, index]) => document.querySelectorAll(`[${name}]`)[+index]?.getAttribute(name) === 'ready',
			[attribute, String(i)],
			{ timeout }
		);
	}
}

/**
 * Scrolls to each of the page's figures that hydrate late (Island.svelte: server HTML, code loaded as
 * the reader comes near) and waits until each has hydrated, as a reader who scrolls there finds them;
 * then back to the top.
 */
export async function hydrateIslands(page: Page): Promise<void> {
	await scrollUntilReady(page, 'data-island', 30_000);
	await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Scrolls to each of the page's deferred figures in turn (their code loads only as a reader comes near)
 * and waits until it has arrived.
 */
export async function loadDeferredFigures(page: Page): Promise<void> {
	await scrollUntilReady(page, 'data-deferred', 60_000);
}
