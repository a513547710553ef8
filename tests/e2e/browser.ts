import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { inject } from 'vitest';
import { findChromium } from './chromium.js';

export const baseURL = () => inject('baseURL');

/** Headless Debian Chromium with the flags this closed network needs (no background connections). */
export async function launch(): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath)
		throw new Error('No Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
	return chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--enable-unsafe-swiftshader',
			'--use-angle=swiftshader'
		]
	});
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
