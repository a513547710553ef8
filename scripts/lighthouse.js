// Lighthouse 12 on every prerendered page of the built site, as readers' browsers judge it: the four
// categories (performance, accessibility, best practices, SEO), on Lighthouse's default mobile
// emulation and on desktop. Offline: the site is served from loopback (scripts/bench/server.js, with the
// COOP/COEP headers the site's hosting notes ask for) and Chromium is Debian's.
//
//   node scripts/lighthouse.js [label]     (LH_SKIP_BUILD=1 reuses build/; LH_PAGES=/en,/zh/classify picks pages)
//
// Prints one row per page and form factor and writes bench/lighthouse[-label].json (git-ignored), with
// the failed audits of each category, so that a score below 1 says why.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { launchHeadlessChromium } from '../tests/e2e/chromium.js';
import { serve } from './bench/server.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const DEBUG_PORT = 9333;
const root = resolve('build');

/** The prerendered pages: every HTML file of build/ as the path a reader opens. */
function pages() {
	/** @type {string[]} */
	const found = [];
	/** @param {string} dir */
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) found.push(path);
		}
	};
	walk(root);
	return found
		.map(
			(file) =>
				'/' +
				relative(root, file)
					.replace(/(^|\/)index\.html$/, '')
					.replace(/\.html$/, '')
		)
		.filter((path) => !path.startsWith('/_app'))
		.sort();
}

/** @param {import('lighthouse').Result} lhr */
function summarize(lhr) {
	/** @type {Record<string, number | null>} */
	const scores = {};
	/** @type {Record<string, string[]>} */
	const failed = {};
	for (const id of CATEGORIES) {
		const category = lhr.categories[id];
		scores[id] = category?.score ?? null;
		failed[id] = (category?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => lhr.audits[ref.id])
			.filter((audit) => audit && audit.score !== null && audit.score < 1)
			.map((audit) => `${audit.id} (${audit.score})`);
	}
	return { scores, failed };
}

if (process.env.LH_SKIP_BUILD !== '1') {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const label = process.argv[2];
const list = process.env.LH_PAGES ? process.env.LH_PAGES.split(',') : pages();
const server = await serve({ '/': root });
const browser = await launchHeadlessChromium([`--remote-debugging-port=${DEBUG_PORT}`]);
/** @type {{ page: string, formFactor: string, scores: Record<string, number | null>, failed: Record<string, string[]> }[]} */
const rows = [];
try {
	for (const page of list) {
		for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
			const desktop = formFactor === 'desktop';
			const result = await lighthouse(
				`${server.url}${page}`,
				{ port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
				desktop
					? {
							extends: 'lighthouse:default',
							settings: {
								formFactor: 'desktop',
								screenEmulation: {
									mobile: false,
									width: 1350,
									height: 940,
									deviceScaleFactor: 1,
									disabled: false
								},
								throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 }
							}
						}
					: undefined
			);
			if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
			const row = { page, formFactor, ...summarize(result.lhr) };
			rows.push(row);
			const cells = CATEGORIES.map((id) => (row.scores[id] === null ? '  —' : row.scores[id]?.toFixed(2)));
			console.log(`${page.padEnd(20)} ${formFactor.padEnd(8)} ${cells.join('  ')}`);
			for (const id of CATEGORIES.slice(1))
				if (row.failed[id].length) console.log(`    ${id}: ${row.failed[id].join(', ')}`);
		}
	}
} finally {
	await browser.close();
	await server.close();
}

mkdirSync('bench', { recursive: true });
const file = `bench/lighthouse${label ? `-${label}` : ''}.json`;
const chromium = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
	encoding: 'utf8'
});
writeFileSync(
	file,
	JSON.stringify(
		{ date: new Date().toISOString(), chromium: chromium.stdout?.trim(), categories: CATEGORIES, rows },
		null,
		2
	)
);
console.log(`\nColumns: ${CATEGORIES.join(', ')}. Written to ${file}.`);
