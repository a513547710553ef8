import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** @returns {string | null} The Chromium binary to drive: CHROMIUM_PATH, else Debian's. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path) => path && existsSync(path)) ?? null;
}

/** Flags this closed network needs (no background connections) and software WebGL. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-unsafe-swiftshader',
	'--use-angle=swiftshader'
];

/**
 * Headless Debian Chromium with CHROMIUM_ARGS and `extraArgs`.
 * @param {string[]} [extraArgs]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchHeadlessChromium(extraArgs = []) {
	const executablePath = findChromium();
	if (!executablePath)
		throw new Error('No Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
	return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
