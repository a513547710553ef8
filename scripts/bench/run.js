// npm run bench: our networks (in the site's live runtime worker, as readers run them) against
// onnxruntime-web in one headless Chromium session, plus the real pages' first seconds, page weight, cold
// start, memory and the Scaling lab update. See bench/README.md.
//
// Environment: BENCH_SKIP_BUILD=1 reuses build/ (the site) · BENCH_RUNS (timed runs, default 50) ·
// BENCH_WARMUP (default 5) · BENCH_GAP_MS (idle time before each timed run, default 50) · BENCH_THREADS (default "1,2") · BENCH_PHASES (comma list of
// pages,weight,latency,webgl,profile,cold,memory,maps,scaling; default all) · BENCH_PAGE_RUNS (default 3) ·
// BENCH_OUT (default bench/results.json) · BENCH_BASELINE=<git revision>: also runs src/lib/nets of that
// revision ("before") in the latency pages.
import { execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openBenchPage } from './browser.js';
import { machine } from './machine.js';
import { staticPageWeights } from './page-weight.js';
import { measurePages } from './pages.js';
import { bestRows, report } from './report.js';
import { serve } from './server.js';
import { browserPageWeights } from './site-weight.js';
import { median, summary } from './stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'build');
// A private copy of the build: other helpers may rebuild build/ while the benchmark runs.
const SITE = join(ROOT, 'node_modules/.cache/bench-site');
const PAGE_OUT = join(ROOT, 'node_modules/.cache/bench-page');
const SHARED = join(ROOT, '../shared');
const FIXTURES = join(SHARED, 'fixtures/timm');
const PEERS = join(SHARED, 'bench');
const NETS = ['efficientnet_b0', 'ghostnet_100'];
const LOGITS_TOLERANCE = 1e-4;

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 50);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const GAP_MS = Number(env.BENCH_GAP_MS ?? 50);
const THREADS = (env.BENCH_THREADS ?? '1,2').split(',').map(Number);
const PHASES = new Set(
	(env.BENCH_PHASES ?? 'pages,weight,latency,webgl,profile,cold,memory,maps,scaling').split(',').map((s) => s.trim())
);
const PAGE_RUNS = Number(env.BENCH_PAGE_RUNS ?? 3);
const OUT = env.BENCH_OUT ?? join(ROOT, 'bench/results.json');
const BASELINE = env.BENCH_BASELINE ?? null;
const started = Date.now();
const log = (/** @type {string} */ message) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

function run(/** @type {string} */ label, /** @type {string[]} */ args) {
	log(label);
	const result = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0) {
		process.stderr.write(result.stdout + result.stderr);
		throw new Error(`${label} failed (exit ${result.status})`);
	}
}

function checkInputs() {
	const missing = [
		...NETS.flatMap((n) => [
			join(FIXTURES, `${n}.weights.safetensors`),
			join(FIXTURES, `${n}.io.safetensors`),
			join(PEERS, `${n}.onnx`)
		])
	].filter((f) => !existsSync(f));
	if (missing.length) throw new Error(`missing benchmark inputs (../shared):\n  ${missing.join('\n  ')}`);
}

/** URL paths of the article pages: /<lang>/<slug> for every content/<lang>/<slug>.md. */
function articlePages() {
	const dir = join(ROOT, 'content');
	return readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) =>
			readdirSync(join(dir, d.name))
				.filter((f) => f.endsWith('.md'))
				.map((f) => `/${d.name}/${f.slice(0, -3)}`)
		);
}

/** @type {{ config: string, net: string, runtime: string, maxAbsDiff: number | null }[]} */
const logitChecks = [];

function recordChecks(/** @type {string} */ config, /** @type {any[]} */ checks) {
	for (const c of checks) {
		logitChecks.push({ config, net: c.net, runtime: 'ours', maxAbsDiff: c.ours });
		if (c.page !== null && c.page !== undefined)
			logitChecks.push({ config, net: c.net, runtime: 'ours (main thread)', maxAbsDiff: c.page });
		if (c.baseline !== null && c.baseline !== undefined)
			logitChecks.push({ config, net: c.net, runtime: 'ours (before)', maxAbsDiff: c.baseline });
		if (c.peer !== null) logitChecks.push({ config, net: c.net, runtime: 'onnxruntime-web', maxAbsDiff: c.peer });
	}
}

/** Extracts src/lib/nets of `revision` for the page's `$baseline` alias (scripts/bench/vite.config.ts). */
function extractBaseline(/** @type {string} */ revision) {
	const commit = execSync(`git rev-parse --verify ${JSON.stringify(revision + '^{commit}')}`, { cwd: ROOT, encoding: 'utf8' }).trim();
	const dir = join(ROOT, 'node_modules/.cache/bench-baseline');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	execSync(`git archive ${commit} src/lib/nets | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
	process.env.BENCH_BASELINE_DIR = join(dir, 'src/lib/nets');
	return commit;
}

const badChecks = () => logitChecks.filter((c) => !(c.maxAbsDiff !== null && c.maxAbsDiff <= LOGITS_TOLERANCE));

/**
 * One page per wasm thread count: both runtimes, logits checked, then interleaved latency.
 * @param {import('playwright-core').Browser} browser @param {string} url
 */
async function wasmLatency(browser, url) {
	/** @type {any[]} */
	const rows = [];
	/** @type {Record<string, any>} */
	const setups = {};
	/** @type {Record<string, any>} */
	const profiles = {};
	for (const threads of THREADS) {
		const bench = await openBenchPage(browser, url);
		try {
			setups[`wasm-${threads}`] = await bench.call('setup', { backend: 'wasm', threads, peer: true });
			recordChecks(`wasm, ${threads} thread(s)`, /** @type {any[]} */ (await bench.call('load', { peer: true, baseline: BASELINE !== null })));
			if (badChecks().length) return { rows, setups, profiles };
			log(`latency: wasm, ${threads} thread(s), ${RUNS} runs each after ${WARMUP} warm-up, ${GAP_MS} ms apart`);
			const result = /** @type {any} */ (await bench.call('latency', { runs: RUNS, warmup: WARMUP, gapMs: GAP_MS }));
			for (const net of NETS) {
				rows.push({ net, runtime: 'ours', backend: 'wasm', threads, ...summary(result.times[net].ours) });
				rows.push({ net, runtime: 'onnxruntime-web', backend: 'wasm', threads, ...summary(result.times[net].peer) });
				if (result.times[net].page.length)
					rows.push({ net, runtime: 'ours (main thread)', backend: 'wasm', threads, ...summary(result.times[net].page) });
				if (result.times[net].before.length)
					rows.push({ net, runtime: 'ours (before)', backend: 'wasm', threads, ...summary(result.times[net].before) });
			}
			rows.push({ tensors: [result.tensorsBefore, result.tensorsAfter], threads });
			if (PHASES.has('profile') && threads === Math.max(...THREADS)) {
				log(`profile: per-kernel times, wasm ${threads} thread(s)`);
				for (const net of NETS) profiles[net] = await bench.call('profile', net);
			}
			if (bench.errors.length) log(`page errors: ${bench.errors.join(' | ')}`);
		} finally {
			await bench.close();
		}
	}
	return { rows, setups, profiles };
}

/** @param {import('playwright-core').Browser} browser @param {string} url */
async function webglLatency(browser, url) {
	const bench = await openBenchPage(browser, url);
	try {
		const setup = await bench.call('setup', { backend: 'webgl', threads: 1, peer: false });
		recordChecks('webgl', /** @type {any[]} */ (await bench.call('load', { peer: false })));
		const runs = Math.max(20, Math.min(RUNS, 20));
		log(`latency: webgl (software-rendered), ${runs} runs each`);
		const result = /** @type {any} */ (await bench.call('latency', { runs, warmup: 3 }));
		const rows = NETS.map((net) => ({ net, runtime: 'ours', backend: 'webgl', threads: null, ...summary(result.times[net].ours) }));
		return { setup, rows, tensors: [result.tensorsBefore, result.tensorsAfter] };
	} finally {
		await bench.close();
	}
}

/**
 * Cold start in fresh pages, median of `repeats`, each runtime at its best thread count.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {Record<string, any>} best
 */
async function coldStarts(browser, url, best, repeats = 3) {
	/** @type {Record<string, any[]>} */
	const samples = {};
	for (let i = 0; i < repeats; i++) {
		for (const net of NETS) {
			for (const runtime of ['ours', 'peer']) {
				const name = runtime === 'ours' ? 'ours' : 'onnxruntime-web';
				const threads = best[`${net}/${name}`]?.threads ?? Math.max(...THREADS);
				const bench = await openBenchPage(browser, url);
				try {
					const r = /** @type {any} */ (await bench.call('cold', { runtime, net, threads }));
					logitChecks.push({ config: `cold, ${threads} thread(s)`, net, runtime: name, maxAbsDiff: r.maxAbsDiff });
					(samples[`${net}/${name}`] ??= []).push({ ...r, threads });
				} finally {
					await bench.close();
				}
			}
		}
	}
	return Object.entries(samples).map(([key, list]) => {
		const [net, runtime] = key.split('/');
		const phases = Object.fromEntries(
			Object.keys(list[0].phases).map((p) => [p, median(list.map((s) => s.phases[p]))])
		);
		return { net, runtime, threads: list[0].threads, totalMs: median(list.map((s) => s.totalMs)), runs: list.map((s) => s.totalMs), phases };
	});
}

/** @param {import('playwright-core').Browser} browser @param {string} url @param {number} threads */
async function memory(browser, url, threads) {
	const out = [];
	for (const net of NETS) {
		const bench = await openBenchPage(browser, url);
		try {
			out.push({ threads, ...(/** @type {any} */ (await bench.call('memory', { threads, net, count: 30 }))) });
		} finally {
			await bench.close();
		}
	}
	return out;
}

/**
 * The Ghost lab's image choice → drawn maps, per backend in a fresh page (wasm at `threads`, webgl).
 * @param {import('playwright-core').Browser} browser @param {string} url @param {number} threads
 */
async function ghostMaps(browser, url, threads) {
	const runs = Math.max(5, Math.min(RUNS, 20));
	/** @type {any[]} */
	const out = [];
	for (const backend of ['wasm', 'webgl']) {
		const bench = await openBenchPage(browser, url);
		try {
			log(`Ghost lab maps: ${backend}${backend === 'wasm' ? `, ${threads} thread(s)` : ''}, ${runs} runs per module`);
			const r = /** @type {any} */ (await bench.call('ghostMaps', { backend, threads, runs, warmup: 2 }));
			for (const c of r.cases) {
				out.push({
					module: c.module,
					backend,
					threads: backend === 'wasm' ? r.setup.threads : null,
					...Object.fromEntries(Object.entries(c.times).map(([phase, xs]) => [phase, summary(/** @type {number[]} */ (xs))])),
					tensorsLeaked: Math.max(...c.tensorDeltas)
				});
			}
			out.push({ backend, tensors: [r.tensorsBefore, r.tensorsAfter] });
		} finally {
			await bench.close();
		}
	}
	return out;
}

/** @param {import('playwright-core').Browser} browser @param {string} url */
async function scaling(browser, url) {
	const bench = await openBenchPage(browser, url);
	try {
		const times = /** @type {Record<string, number[]>} */ (await bench.call('scaling', 200));
		return Object.entries(times).map(([state, xs]) => ({ state, ...summary(xs) }));
	} finally {
		await bench.close();
	}
}

/**
 * Builds the site (unless reusing build/) and copies it to SITE; the copy is checked to be complete
 * (every page's scripts and styles present), and rebuilt once if another build overwrote it meanwhile.
 */
function snapshotSite(build = true, attempts = 2) {
	if (build) run('building the site (vite build → build/)', ['vite', 'build']);
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ has no index.html: build the site first');
	rmSync(SITE, { recursive: true, force: true });
	cpSync(BUILD, SITE, { recursive: true });
	try {
		staticPageWeights(SITE);
	} catch (error) {
		if (attempts <= 1) throw error;
		log('build/ changed while it was copied (another build?): building again');
		snapshotSite(true, attempts - 1);
	}
}

async function main() {
	checkInputs();
	const baselineCommit = BASELINE ? extractBaseline(BASELINE) : null;
	snapshotSite(env.BENCH_SKIP_BUILD !== '1');
	run('building the benchmark page (scripts/bench/vite.config.ts)', ['vite', 'build', '--config', 'scripts/bench/vite.config.ts']);
	const server = await serve({ '/': SITE, '/bench/': PAGE_OUT, '/fixtures/': FIXTURES, '/peers/': PEERS });
	const browser = await launchChromium();
	const benchUrl = `${server.url}/bench/`;
	/** @type {Record<string, any>} */
	const results = { machine: await machine(browser), settings: { runs: RUNS, warmup: WARMUP, gapMs: GAP_MS, threads: THREADS, baseline: baselineCommit } };
	try {
		if (PHASES.has('pages')) {
			log(`pages: /en/classify first top-5 and /en/ghostnet maps on scroll, ${PAGE_RUNS} fresh contexts each`);
			results.pages = await measurePages(browser, server.url, PAGE_RUNS, log);
		}
		if (PHASES.has('weight')) {
			log('page weight: built HTML + what the browser loads until the network is idle');
			const statics = staticPageWeights(SITE);
			results.pageWeight = {
				articles: articlePages(),
				static: statics,
				browser: await browserPageWeights(browser, server.url, SITE, statics.map((s) => s.page))
			};
		}
		if (PHASES.has('latency')) {
			const wasm = await wasmLatency(browser, benchUrl);
			results.setups = wasm.setups;
			results.latency = wasm.rows.filter((r) => r.net);
			results.tensorsDuringLatency = wasm.rows.filter((r) => r.tensors);
			results.profile = wasm.profiles;
		}
		if (!badChecks().length && PHASES.has('webgl')) {
			const webgl = await webglLatency(browser, benchUrl);
			results.setups = { ...results.setups, webgl: webgl.setup };
			results.latency = [...(results.latency ?? []), ...webgl.rows];
			results.tensorsDuringLatency = [...(results.tensorsDuringLatency ?? []), { backend: 'webgl', tensors: webgl.tensors }];
		}
		const best = bestRows(results.latency ?? []);
		results.best = best;
		if (!badChecks().length && PHASES.has('cold')) {
			log('cold start: fresh page per sample, 3 samples per runtime and network');
			results.coldStart = await coldStarts(browser, benchUrl, best);
		}
		if (!badChecks().length && PHASES.has('memory')) {
			const threads = best['efficientnet_b0/ours']?.threads ?? Math.max(...THREADS);
			log(`memory: classifying 30 sample images per network (wasm, ${threads} thread(s))`);
			results.memory = await memory(browser, benchUrl, threads);
		}
		if (PHASES.has('maps')) {
			const rows = await ghostMaps(browser, benchUrl, best['ghostnet_100/ours']?.threads ?? Math.max(...THREADS));
			results.ghostMaps = rows.filter((r) => r.module);
			results.tensorsDuringGhostMaps = rows.filter((r) => r.tensors);
		}
		if (PHASES.has('scaling')) {
			log('Scaling lab: scalingUpdate for B7');
			results.scaling = await scaling(browser, benchUrl);
		}
	} finally {
		await browser.close();
		await server.close();
	}
	results.logitChecks = logitChecks;
	results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
	mkdirSync(dirname(OUT), { recursive: true });
	writeFileSync(OUT, JSON.stringify(results, null, '\t') + '\n');
	console.log(report(results));
	log(`results written to ${OUT}`);
	const bad = badChecks();
	if (bad.length) {
		console.error(
			`\nLOGITS CHECK FAILED (tolerance ${LOGITS_TOLERANCE}): the runtimes do not compute the fixture's logits:\n` +
				bad.map((c) => `  ${c.config} ${c.net} ${c.runtime}: max |Δ| = ${c.maxAbsDiff}`).join('\n')
		);
		process.exit(1);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(2);
});
