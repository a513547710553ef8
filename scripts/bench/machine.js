// Description of the machine a benchmark ran on (absolute times only compare within one run).
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** @param {import('playwright-core').Browser} browser */
export async function machine(browser) {
	const cores = cpus();
	return {
		date: new Date().toISOString(),
		cpu: cores[0]?.model ?? 'unknown',
		cores: cores.length,
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
		os: `${platform()} ${release()}`,
		node: process.version,
		chromium: browser.version()
	};
}
