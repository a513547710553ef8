// Builds the site once, then runs the browser tests against `vite preview` in Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.js';

const chromium = findChromium();
if (!chromium) {
	console.error(
		'Browser tests need Chromium and none was found.\n' +
			'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.'
	);
	process.exit(1);
}

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
if (process.env.E2E_SKIP_BUILD !== '1') {
	const build = run('npx', ['vite', 'build']);
	if (build.status !== 0) process.exit(build.status ?? 1);
}
const tests = run('npx', [
	'vitest',
	'run',
	'--config',
	'tests/e2e/vitest.config.ts',
	...process.argv.slice(2)
]);
process.exit(tests.status ?? 1);
