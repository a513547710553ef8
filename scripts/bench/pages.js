// The reader's first seconds on the real pages of the built site (bench phase "pages"): each sample is
// a fresh browser context (empty cache and storage, default settings) in an already running Chromium,
// so that the browser's own start-up is not counted; one discarded page load warms the browser first.
//
// - classify: navigation → both networks' first top-5 on screen (/en/classify), with the main thread's
//   long tasks until then (blocking time = Σ max(0, task − 50 ms), and the longest task);
// - ghost maps: the "Intrinsic and ghost maps" figure of /en/ghostnet scrolled into view (after the
//   page has loaded and gone idle) → its maps drawn, with the long tasks in between.
//
// Standalone: node scripts/bench/pages.js [site-url] [runs]   (the site served with COOP/COEP).

/** Long tasks of the page, collected from navigation on (installed before any page script). */
function observeLongTasks() {
	/** @type {[number, number][]} */
	const tasks = [];
	Object.assign(window, { __egnLongTasks: tasks });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
}

/**
 * Blocking time and longest task among the long tasks that started in [from, to] (page clock, ms).
 * @param {[number, number][]} tasks @param {number} from @param {number} to
 */
export function blocking(tasks, from, to) {
	const inside = tasks.filter(([start]) => start >= from && start <= to);
	return {
		blockingMs: inside.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
		longestTaskMs: inside.reduce((max, [, duration]) => Math.max(max, duration), 0),
		longTasks: inside.length
	};
}

/** @param {import('playwright-core').Browser} browser @param {string} url */
async function freshPage(browser, url) {
	const context = await browser.newContext();
	await context.addInitScript(observeLongTasks);
	// The runtime's own marks (worker side) through the developer tools (src/lib/live/devtools.ts).
	await context.addInitScript(() => localStorage.setItem('egn.devtools.v1', 'on'));
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (error) => errors.push(String(error)));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await page.goto(url, { waitUntil: 'commit' });
	return { context, page, errors };
}

/**
 * The page's `egn:` User Timing marks and the runtime's own (worker side, through the developer tools),
 * the first of each name, in ms on the page's clock.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, number>>}
 */
async function timeline(page) {
	const marks = await page.evaluate(() =>
		Object.fromEntries(
			performance
				.getEntriesByType('mark')
				.filter((m) => m.name.startsWith('egn:'))
				.map((m) => [m.name.slice(4), Math.round(m.startTime)])
				.reverse()
		)
	);
	const runtime = await page.evaluate(() => /** @type {any} */ (window).egnDevtools?.timeline() ?? {});
	return { ...marks, ...runtime };
}

/** @param {import('playwright-core').Page} page */
const longTasks = (page) =>
	page.evaluate(() => /** @type {[number, number][]} */ (/** @type {any} */ (window).__egnLongTasks));

/**
 * Navigation → both cards of /en/classify show a top-5.
 * @param {import('playwright-core').Browser} browser @param {string} site
 */
export async function classifyFirstResult(browser, site) {
	const { context, page, errors } = await freshPage(browser, `${site}/en/classify`);
	try {
		const firstResultMs = await page.waitForFunction(
			() => {
				const cards = [...document.querySelectorAll('.egn-classifier article.card')];
				const done = cards.length === 2 && cards.every((c) => (c.getAttribute('data-top-index') ?? '') !== '');
				return done ? performance.now() : 0;
			},
			undefined,
			{ timeout: 60_000, polling: 10 }
		);
		const ms = /** @type {number} */ (await firstResultMs.jsonValue());
		const backend = await page.locator('fieldset.backend').getAttribute('data-active');
		return { firstResultMs: ms, ...blocking(await longTasks(page), 0, ms), backend, marks: await timeline(page), errors };
	} finally {
		await context.close();
	}
}

/**
 * /en/ghostnet loaded and idle; the live feature maps scrolled into view → their maps drawn.
 * @param {import('playwright-core').Browser} browser @param {string} site
 */
export async function ghostMapsOnScroll(browser, site) {
	const { context, page, errors } = await freshPage(browser, `${site}/en/ghostnet`);
	try {
		await page.waitForLoadState('networkidle');
		const figure = page.getByTestId('live-feature-maps');
		const scrolledAt = await figure.evaluate((element) => {
			element.scrollIntoView({ block: 'center' });
			return performance.now();
		});
		const drawn = await page.waitForFunction(
			() => {
				const f = document.querySelector('[data-testid="live-feature-maps"]');
				return f && (f.getAttribute('data-module') ?? '') !== '' && f.getAttribute('data-drawn') === 'true'
					? performance.now()
					: 0;
			},
			undefined,
			{ timeout: 60_000, polling: 10 }
		);
		const drawnAt = /** @type {number} */ (await drawn.jsonValue());
		const marks = await timeline(page);
		const since = Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, Math.round(v - scrolledAt)]));
		return { mapsMs: drawnAt - scrolledAt, ...blocking(await longTasks(page), scrolledAt, drawnAt), marks: since, errors };
	} finally {
		await context.close();
	}
}

const median = (/** @type {number[]} */ xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Every page measurement `runs` times (interleaved), medians and samples.
 * @param {import('playwright-core').Browser} browser @param {string} site @param {number} runs
 * @param {(message: string) => void} [log]
 */
export async function measurePages(browser, site, runs = 3, log = () => {}) {
	await (await freshPage(browser, `${site}/en/`)).context.close();
	/** @type {any[]} */
	const classify = [];
	/** @type {any[]} */
	const maps = [];
	for (let i = 0; i < runs; i++) {
		classify.push(await classifyFirstResult(browser, site));
		maps.push(await ghostMapsOnScroll(browser, site));
		log(
			`pages run ${i + 1}/${runs}: first top-5 ${classify[i].firstResultMs.toFixed(0)} ms ${JSON.stringify(classify[i].marks)}, maps ${maps[i].mapsMs.toFixed(0)} ms ${JSON.stringify(maps[i].marks)}`
		);
	}
	const pick = (/** @type {any[]} */ list, /** @type {string} */ key) => list.map((r) => r[key]);
	return {
		runs,
		classify: {
			firstResultMs: median(pick(classify, 'firstResultMs')),
			blockingMs: median(pick(classify, 'blockingMs')),
			longestTaskMs: median(pick(classify, 'longestTaskMs')),
			samples: classify
		},
		ghostMaps: {
			mapsMs: median(pick(maps, 'mapsMs')),
			blockingMs: median(pick(maps, 'blockingMs')),
			longestTaskMs: median(pick(maps, 'longestTaskMs')),
			samples: maps
		}
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { launchChromium } = await import('./browser.js');
	const browser = await launchChromium();
	try {
		const result = await measurePages(browser, process.argv[2] ?? 'http://127.0.0.1:4180', Number(process.argv[3] ?? 3), console.log);
		const { samples: _c, ...classify } = result.classify;
		const { samples: _m, ...ghostMaps } = result.ghostMaps;
		console.log(JSON.stringify({ classify, ghostMaps }, null, 1));
	} finally {
		await browser.close();
	}
}
