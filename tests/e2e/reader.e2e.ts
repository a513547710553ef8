/**
 * The site as readers meet it, on the production build in Chromium: axe-core on /classify in both
 * languages at 360 px (touch) and 1280 px (light and dark), before and after a classification; the
 * honest answer on a colour photo with the Fashion-MNIST models, and the switch to ImageNet it offers;
 * one announcement per classification; no layout jumps while live parts load; hints that fit the
 * pointer; a table of contents that numbers sections only. No assertion depends on timing: positions
 * are sampled over the load and compared with each other.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { baseURL, hydrateIslands, launch, watchProblems } from './browser';
import { startHubServer, type HubServer } from './hub-server';

const sample = (file: string) => fileURLToPath(new URL(`../../static/samples/${file}`, import.meta.url));

let browser: Browser;
let hub: HubServer;
beforeAll(async () => {
	[browser, hub] = await Promise.all([launch(), startHubServer()]);
});
afterAll(async () => {
	await Promise.all([browser?.close(), hub?.close()]);
});

const PHONE: BrowserContextOptions = {
	viewport: { width: 360, height: 740 },
	isMobile: true,
	hasTouch: true
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

async function open(path: string, options: BrowserContextOptions, hubBase: string | null = null) {
	const context = await browser.newContext(options);
	if (hubBase)
		await context.addInitScript((base) => localStorage.setItem('egn.weightsBase.v1', base), hubBase);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.goto(`${baseURL()}${path}`);
	return { context, page, problems };
}

/** Both cards show a result of `dataset`, with the timed latency, and nothing is running. */
async function settled(page: Page, dataset = 'fmnist') {
	await page.waitForFunction(
		(want) => {
			const root = document.querySelector('.egn-classifier');
			const cards = [...(root?.querySelectorAll('article.card') ?? [])];
			return (
				root?.getAttribute('aria-busy') === 'false' &&
				root.getAttribute('data-result-dataset') === want &&
				cards.length === 2 &&
				cards.every((c) => c.getAttribute('data-top-index') !== '' && !/…/.test(c.textContent ?? ''))
			);
		},
		dataset,
		{ timeout: 240_000 }
	);
}

describe('axe-core on /classify: zero violations', () => {
	const matrix = [
		{ name: '360 px, touch', options: PHONE },
		{ name: '1280 px', options: DESKTOP },
		{ name: '1280 px, dark', options: { ...DESKTOP, colorScheme: 'dark' as const } }
	];
	for (const lang of ['en', 'zh'] as const) {
		it.each(matrix)(`/${lang}/classify at $name, before and after a classification`, async ({ options }) => {
			const { context, page, problems } = await open(`/${lang}/classify`, options);
			await page.waitForFunction(() =>
				document.querySelector('.egn-classifier')?.getAttribute('data-runtime')
			);
			expect(describeViolations(await axeViolations(page))).toEqual([]);
			await settled(page);
			// Open what is collapsed, so that its contents (the weights' status colours) are checked too.
			await page.locator('details.weights-panel > summary').click();
			for (const summary of await page.locator('details.dev-details > summary').all()) await summary.click();
			expect(describeViolations(await axeViolations(page))).toEqual([]);
			expect(problems).toEqual({ console: [], failed: [] });
			await context.close();
		});
	}
});

describe('honest answers with the bundled Fashion-MNIST models', () => {
	it('says a colour photo does not look like Fashion-MNIST, not a garment of its own; offers ImageNet and switches', async () => {
		const { context, page, problems } = await open('/en/classify', DESKTOP, hub.base('ok'));
		await settled(page);
		const note = page.getByTestId('fit-note');
		const file = page.locator('input[type=file]').first();
		await expect(note.count()).resolves.toBe(0); // The samples are what the models know.

		// A Fashion-MNIST image of the reader's own (a test image, as a file): no note.
		await file.setInputFiles(sample('fmnist/t10k-00000.png'));
		await page.waitForFunction(
			() => document.querySelector('.egn-classifier .stage img')?.getAttribute('alt') === 't10k-00000.png'
		);
		await settled(page);
		await expect(note.count()).resolves.toBe(0);

		await file.setInputFiles(sample('chelsea.jpg'));
		await note.waitFor({ timeout: 120_000 });
		await settled(page);
		await expect(note.getAttribute('data-misfits')).resolves.toContain('colour');
		await expect(note.innerText()).resolves.toMatch(
			/This image does not look like Fashion-MNIST: it is in colour/
		);
		await expect(page.getByTestId('announcement').textContent()).resolves.toMatch(
			/so these answers mean little\.$/
		);

		await note.getByRole('button', { name: /Load the ImageNet networks/ }).click();
		await settled(page, 'imagenet');
		// The reader's photo, classified again by the ImageNet networks; no note for them.
		await expect(page.locator('.egn-classifier .stage img').getAttribute('alt')).resolves.toBe('chelsea.jpg');
		await expect(note.count()).resolves.toBe(0);
		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	});
});

describe('screen readers', () => {
	it('hear each classification once: both networks’ top-1 class and confidence', async () => {
		const { context, page } = await open('/en/classify', DESKTOP);
		await settled(page);
		await page.evaluate(() => {
			const region = document.querySelector('[data-testid="announcement"]')!;
			const said: string[] = [];
			(window as unknown as { said: string[] }).said = said;
			new MutationObserver(() => {
				const text = region.textContent?.trim() ?? '';
				if (text) said.push(text);
			}).observe(region, { childList: true, characterData: true, subtree: true });
		});
		await page
			.getByRole('button', { name: /Sneaker/ })
			.first()
			.click();
		await page.waitForFunction(() => (window as unknown as { said: string[] }).said.length > 0);
		await settled(page);
		const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/^EfficientNet-B0 \(width 0\.5\): .+, [\d.]+%\. GhostNet 0\.5×: .+, [\d.]+%\.$/);
		await expect(page.getByTestId('announcement').getAttribute('aria-live')).resolves.toBe('polite');
		await context.close();
	});
});

/**
 * Document-relative tops of the rendered elements matching `targets` after `after` (and before
 * `before`, when given, which is measured too), in document order.
 */
async function tops(page: Page, after: string, targets: string, before?: string): Promise<number[]> {
	return page.evaluate(
		([selector, wanted, end]) => {
			const start = document.querySelector(selector)!;
			const stop = end ? document.querySelector(end) : null;
			const inRange = (el: Element) =>
				start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
				(!stop || el === stop || el.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING);
			return (
				[...document.querySelectorAll(wanted), ...(stop ? [stop] : [])]
					.filter(inRange)
					// What a reader can see: not the inside of a closed disclosure.
					.filter((el) => el.checkVisibility())
					.map((el) => Math.round(el.getBoundingClientRect().top + window.scrollY))
			);
		},
		[after, targets, before ?? ''] as const
	);
}

/** Samples `read` until `done` holds and twice more, returning every sample. */
async function sampleUntil<T>(read: () => Promise<T>, done: () => Promise<boolean>): Promise<T[]> {
	const samples: T[] = [];
	let after = 0;
	const deadline = Date.now() + 240_000;
	while (after < 3 && Date.now() < deadline) {
		samples.push(await read());
		if (await done()) after++;
		await new Promise((r) => setTimeout(r, 100));
	}
	expect(after, 'the part finished loading').toBe(3);
	return samples;
}

/** The largest move of any element from its first sampled top (px), and which element (by order). */
function moved(samples: number[][]): { px: number; element: number } {
	let worst = { px: 0, element: -1 };
	for (const sample of samples)
		sample.forEach((top, i) => {
			const px = Math.abs(top - samples[0][i]);
			if (px > worst.px) worst = { px, element: i };
		});
	return worst;
}

describe('no layout jumps at 360 px', () => {
	// The first live figure (the redundancy finder) keeps its size: what follows it, up to the next live
	// figure (which may start loading meanwhile, and is not held to this yet), stays in place.
	it('/en/ghostnet: the first live figure keeps its size while it loads; the weight manager stays shut', async () => {
		const { context, page } = await open('/en/ghostnet', PHONE);
		const figure = page.locator('.live-frame').first();
		await figure.scrollIntoViewIfNeeded();
		const notice = figure.getByTestId('weights-notice');
		const samples = await sampleUntil(
			async () => ({
				tops: await tops(
					page,
					'.live-frame',
					'h2, h3, input[type=range], figure',
					'.live-frame ~ * .live-frame, .live-frame ~ .live-frame'
				),
				open: await page.locator('[data-testid="weights-notice"] details[open]').count()
			}),
			async () => (await notice.getAttribute('data-ready')) === 'true'
		);
		expect(samples.length).toBeGreaterThan(3);
		expect(samples.map((s) => s.open)).toEqual(samples.map(() => 0));
		expect(samples[0].tops.length).toBeGreaterThan(3);
		const worst = moved(samples.map((s) => s.tops));
		expect(worst.px, `element #${worst.element} after the figure`).toBeLessThanOrEqual(2);
		await context.close();
	});

	it('/en/ghostnet: every live figure keeps its height from first paint through its first result', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await page.goto(`${baseURL()}/en/ghostnet`, { waitUntil: 'domcontentloaded' });
		const parts = '.live-frame';
		await page.waitForSelector(parts);
		const count = await page.locator(parts).count();
		expect(count).toBe(2);
		const heights = () =>
			page.evaluate(
				(selector) =>
					[...document.querySelectorAll(selector)].map((el) => Math.round(el.getBoundingClientRect().height)),
				parts
			);
		const samples: number[][] = [await heights()];
		const done = [
			'[data-testid="redundancy-finder"]:not([data-model=""])',
			'[data-testid="live-feature-maps"][data-drawn="true"]'
		];
		// The reader scrolls to each figure in turn and stays until it shows its result.
		for (let i = 0; i < count; i++) {
			await page.locator(parts).nth(i).scrollIntoViewIfNeeded();
			samples.push(...(await sampleUntil(heights, async () => (await page.locator(done[i]).count()) === 1)));
		}
		for (let i = 0; i < count; i++) {
			const seen = samples.map((s) => s[i]);
			expect(
				Math.max(...seen) - Math.min(...seen),
				`live figure #${i} (heights seen: ${[...new Set(seen)]})`
			).toBeLessThanOrEqual(2);
		}

		// The time profile's code loads as the reader comes within a screen and a half, so its box takes
		// the figure's height while still below the screen; in view, the figure keeps it.
		const box = page.locator('[data-deferred]').first();
		expect(await box.getAttribute('data-deferred')).toBe('waiting');
		await box.evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - 2 * innerHeight));
		await page.waitForSelector('[data-testid="time-profile"]');
		expect(await box.getAttribute('data-deferred')).toBe('ready');
		expect(await box.evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
		const figure = page.getByTestId('time-profile');
		await figure.scrollIntoViewIfNeeded();
		const height = () => figure.evaluate((el) => Math.round(el.getBoundingClientRect().height));
		const seen = await sampleUntil(height, async () => (await figure.getAttribute('data-model')) !== '');
		expect(
			Math.max(...seen) - Math.min(...seen),
			`time profile (heights seen: ${[...new Set(seen)]})`
		).toBeLessThanOrEqual(2);
		await context.close();
	});

	it('/en/classify: the parts below the results keep their place from first paint to the first result', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		// From the first styled paint (the stylesheets are in, the scripts not yet run).
		await page.goto(`${baseURL()}/en/classify`, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector('.egn-classifier');
		const root = page.locator('.egn-classifier');
		const samples = await sampleUntil(
			() => tops(page, '.egn-classifier .results', 'figure.chart, fieldset.backend, details, footer'),
			async () => (await root.getAttribute('data-result-dataset')) === 'fmnist'
		);
		const worst = moved(samples);
		expect(worst.px, `part #${worst.element} below the results`).toBeLessThanOrEqual(2);
		await expect(page.locator('details.weights-panel').getAttribute('open')).resolves.toBeNull();
		await context.close();
	});
});

describe('wording', () => {
	it('hints say "tap" on a touch screen and "point at" with a mouse', async () => {
		for (const [options, want, not] of [
			[PHONE, /Tap a dot/, /Point at a dot/],
			[DESKTOP, /Point at a dot/, /Tap a dot/]
		] as const) {
			const { context, page } = await open('/en/ghostnet', options);
			// As a reader who scrolls finds them: the figures far below hydrate on the way.
			await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
			await hydrateIslands(page);
			await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(want);
			expect(await page.locator('main').innerText()).not.toMatch(not);
			await context.close();
		}
	});

	it('the table of contents numbers sections only; sub-sections sit under their section', async () => {
		const { context, page } = await open('/en/ghostnet', DESKTOP);
		const levels = await page.evaluate(() => {
			const level = (a: Element) => document.getElementById(a.getAttribute('href')!.slice(1))?.tagName;
			return {
				numbered: [...document.querySelectorAll('nav.toc > ol > li > a')].map(level),
				nested: [...document.querySelectorAll('nav.toc ol ul a')].map(level)
			};
		});
		expect(levels.numbered.length).toBeGreaterThan(3);
		expect(new Set(levels.numbered)).toEqual(new Set(['H2']));
		expect(levels.nested.length).toBeGreaterThan(0);
		expect(new Set(levels.nested)).toEqual(new Set(['H3']));
		await context.close();
	});
});
