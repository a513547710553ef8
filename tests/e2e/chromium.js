import { existsSync } from 'node:fs';

/** @returns {string | null} The Chromium binary to drive: CHROMIUM_PATH, else Debian's. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path) => path && existsSync(path)) ?? null;
}
