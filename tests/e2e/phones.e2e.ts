// Phones and tablets (issue 17): on a phone (360×740, touch), a tablet (768×1024) and a desktop, in both
// languages: chart and diagram text at least 11 px as rendered, 44 px touch targets on coarse pointers, no
// page-level horizontal scrolling, regions that scroll sideways are named keyboard stops with a shadow,
// tap-to-pin tooltips, the log-stepped channel slider, the Scaling lab's pinned summary and the
// classifier's cards.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, openHydrated, watchProblems } from './browser';

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PAGES = ['', '/efficientnet', '/ghostnet', '/classify'];
const LANGS = ['en', 'zh'] as const;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens a page and scrolls through it, so lazily started figures draw (at most a minute of waiting). */
async function openAll(context: BrowserContext, path: string) {
	const page = await context.newPage();
	const problems = watchProblems(page);
	await openHydrated(page, baseURL() + path);
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	for (let y = 0; y < height; y += 500) {
		await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForTimeout(60);
	}
	await page.waitForLoadState('networkidle');
	return { page, problems };
}

/** Every visible SVG text whose rendered size (font-size × the SVG's scale) is under `min` px. */
function smallSvgText(page: Page, min: number) {
	return page.evaluate((min) => {
		const small: string[] = [];
		let count = 0;
		for (const text of document.querySelectorAll('svg text')) {
			const box = text.getBoundingClientRect();
			if (!text.textContent?.trim() || box.width === 0 || box.height === 0) continue;
			const ctm = (text as SVGGraphicsElement).getScreenCTM();
			if (!ctm) continue;
			const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
			count++;
			if (size < min - 0.01) {
				const owner = text.closest('[data-testid]')?.getAttribute('data-testid') ?? 'svg';
				small.push(`${owner}: "${text.textContent.trim().slice(0, 24)}" ${size.toFixed(1)} px`);
			}
		}
		return { count, small };
	}, min);
}

/** Visible controls smaller than 44×44 px (radio buttons and checkboxes measured by their label). */
function smallTargets(page: Page) {
	return page.evaluate(() => {
		const small: string[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			'button, select, summary, input:not([type=file]):not([type=hidden])'
		);
		for (const control of controls) {
			if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const isChoice = control.matches('input[type=radio], input[type=checkbox]');
			const target = isChoice ? (control.closest('label') ?? control) : control;
			const { width, height } = target.getBoundingClientRect();
			// Number boxes and selects are as wide as their column; their height is what a finger needs.
			const wideEnough = control.matches('button, input[type=radio], input[type=checkbox]')
				? width >= 43.5
				: true;
			if (height < 43.5 || !wideEnough)
				small.push(
					`${control.tagName.toLowerCase()}[${control.getAttribute('type') ?? ''}] "${(
						control.getAttribute('aria-label') ??
						target.textContent ??
						''
					)
						.trim()
						.slice(0, 20)}" ${width.toFixed(0)}×${height.toFixed(0)}`
				);
		}
		return small;
	});
}

const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(LANGS)('every page on a phone (%s, 360 px, touch)', (lang) => {
	it.each(PAGES)(
		`/${lang}%s: SVG text ≥ 11 px, touch targets ≥ 44 px, no sideways page, axe scroll regions`,
		async (slug) => {
			const context = await browser.newContext(PHONE);
			const { page, problems } = await openAll(context, `/${lang}${slug}`);
			const text = await smallSvgText(page, 11);
			expect(text.small).toEqual([]);
			if (slug) expect(text.count).toBeGreaterThan(0);
			expect(await smallTargets(page)).toEqual([]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			// Regions that scroll sideways can be reached and scrolled with the keyboard.
			await page.addScriptTag({ content: AXE });
			const axe = await page.evaluate(() =>
				// @ts-expect-error axe is injected above
				window.axe.run(document, { runOnly: ['scrollable-region-focusable'] })
			);
			expect(
				axe.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} ×${v.nodes.length}`)
			).toEqual([]);
			expect(problems).toEqual({ console: [], failed: [] });
			await context.close();
		}
	);
});

describe.each([
	['tablet', TABLET],
	['desktop', DESKTOP]
] as const)('every page on a %s', (_, device) => {
	it.each(LANGS.flatMap((lang) => PAGES.map((slug) => `/${lang}${slug}`)))(
		'%s has no page-level horizontal scrolling',
		async (path) => {
			const context = await browser.newContext(device);
			const page = await context.newPage();
			await openHydrated(page, baseURL() + path);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			await context.close();
		}
	);
});

describe.each([
	['phone', PHONE],
	['desktop', DESKTOP]
] as const)('figures drawn to their measured width keep their prerendered height (%s)', (_, device) => {
	it('the Ghost module, convolution, bottleneck and speed-up figures are as tall before and after hydration', async () => {
		const heights = async (javaScriptEnabled: boolean) => {
			const context = await browser.newContext({ ...device, javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(`${baseURL()}/en/ghostnet`, { waitUntil: 'networkidle' });
			const boxes = await page
				.locator(
					'[data-testid=ghost-svg], [data-testid=conv-svg], [data-testid=bottleneck-svg], [data-testid=speedup-chart]'
				)
				.evaluateAll((svgs) =>
					svgs.map(
						(svg) => `${svg.getAttribute('data-testid')} ${svg.getBoundingClientRect().height.toFixed(1)}`
					)
				);
			await context.close();
			return boxes;
		};
		const prerendered = await heights(false);
		expect(prerendered.length).toBeGreaterThanOrEqual(5);
		expect(await heights(true)).toEqual(prerendered);
	});
});

describe('on a desktop (fine pointer) controls keep their compact size', () => {
	it('the GhostNet width presets are under 44 px tall without touch', async () => {
		const context = await browser.newContext(DESKTOP);
		const page = await context.newPage();
		await openHydrated(page, `${baseURL()}/en/ghostnet`);
		const preset = page.getByTestId('ghostnet-table').getByRole('button', { name: '0.5×' });
		expect((await preset.boundingBox())!.height).toBeLessThan(44);
		await context.close();
	});
});

const TEXT = {
	en: {
		c: 'c (input channels)',
		equation: 'Equation (scrolls sideways)',
		phi: 'φ: compound coefficient'
	},
	zh: {
		c: 'c（输入通道）',
		equation: '公式（可横向滚动）',
		phi: 'φ：复合系数'
	}
} as const;

describe.each(LANGS)('phone interactions (%s, 360 px, touch)', (lang) => {
	const t = TEXT[lang];
	let context: BrowserContext;
	beforeAll(async () => {
		context = await browser.newContext(PHONE);
	});
	afterAll(async () => {
		await context?.close();
	});

	it('the calculator’s c slider steps over log stops: 64 → 72 → 81 by keyboard, 1–1024 in 50 stops', async () => {
		const page = await context.newPage();
		await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
		await hydrateIslands(page);
		const calculator = page.getByTestId('compression-calculator');
		const slider = calculator.getByRole('slider', { name: t.c });
		const box = calculator.getByRole('spinbutton', { name: t.c });
		expect(await slider.getAttribute('max')).toBe('49');
		expect(await box.inputValue()).toBe('64');
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		expect(await box.inputValue()).toBe('72');
		await page.keyboard.press('ArrowRight');
		expect(await box.inputValue()).toBe('81');
		await page.keyboard.press('End');
		expect(await box.inputValue()).toBe('1024');
		// The thumb is big enough for a finger and the track's hit area is 44 px tall.
		expect((await slider.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await page.close();
	});

	it('a tap pins an ablation point’s readout; a tap elsewhere hides it; Escape too', async () => {
		const page = await context.newPage();
		await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
		await hydrateIslands(page);
		const panel = page.getByTestId('paper-ablations').locator('[data-panel="d"]');
		const readout = panel.locator('.readout');
		await panel.scrollIntoViewIfNeeded();
		const hint = await readout.textContent();
		const point = panel.getByRole('option').nth(1);
		const name = (await point.getAttribute('aria-label'))!;
		await point.tap();
		expect(await readout.textContent()).toBe(name);
		await page.waitForTimeout(300);
		expect(await readout.textContent()).toBe(name);
		await page.locator('h1').tap();
		expect(await readout.textContent()).toBe(hint);
		await point.tap();
		expect(await readout.textContent()).toBe(name);
		await page.keyboard.press('Escape');
		expect(await readout.textContent()).toBe(hint);
		await page.close();
	});

	it('the GhostNet table and KaTeX displays scroll sideways as named keyboard stops with a shadow', async () => {
		const page = await context.newPage();
		await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
		await hydrateIslands(page);
		const scroll = page.getByTestId('ghostnet-table').locator('.layout > .scroll');
		await scroll.scrollIntoViewIfNeeded();
		const region = await scroll.evaluate((el) => ({
			wider: el.scrollWidth > el.clientWidth,
			tabindex: el.getAttribute('tabindex'),
			role: el.getAttribute('role'),
			name: el.getAttribute('aria-label'),
			shadow: getComputedStyle(el).backgroundImage
		}));
		expect(region.wider).toBe(true);
		expect(region).toMatchObject({ tabindex: '0', role: 'group' });
		expect(region.name).toContain('GhostNet');
		expect(region.shadow).toContain('radial-gradient');
		// The keyboard scrolls it.
		await scroll.focus();
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction((el) => el!.scrollLeft > 0, await scroll.elementHandle());
		const wideMath = page.locator('.prose .katex-display.scroll-hint').first();
		expect(await wideMath.getAttribute('tabindex')).toBe('0');
		expect(await wideMath.getAttribute('aria-label')).toBe(t.equation);
		await page.close();
	});

	it('the Scaling lab keeps MACs and the factor on screen while φ moves, and nothing jumps', async () => {
		const page = await context.newPage();
		await openHydrated(page, `${baseURL()}/${lang}/efficientnet`);
		const slider = page.getByRole('slider', { name: t.phi });
		await slider.scrollIntoViewIfNeeded();
		// Scroll so the slider sits low on the screen, with the totals far below the fold.
		await page.evaluate(() => window.scrollBy(0, -300));
		const summary = page.getByTestId('lab-summary');
		const before = (await slider.boundingBox())!.y;
		await slider.focus();
		for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
		expect((await slider.boundingBox())!.y).toBe(before);
		const box = (await summary.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(740);
		expect(await summary.getByTestId('summary-macs').textContent()).toBe(
			await page.getByTestId('total-macs').first().textContent()
		);
		expect(await summary.getByTestId('summary-factor').textContent()).not.toBe('×1.00');
		// The totals are not on screen: the summary is what the reader sees.
		const totals = (await page.getByTestId('total-macs').first().boundingBox())!;
		expect(totals.y).toBeGreaterThan(740);
		await page.close();
	});

	it('the classifier’s cards fit: class names are whole (two lines at most), numbers stay in the card', async () => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${baseURL()}/${lang}/classify`);
		await page.waitForFunction(
			() => {
				const cards = [...document.querySelectorAll('.egn-classifier article.card')];
				return cards.length === 2 && cards.every((c) => c.getAttribute('data-top-index') !== '');
			},
			undefined,
			{ timeout: 240_000 }
		);
		const cut = await page.evaluate(() => {
			const problems: string[] = [];
			for (const card of document.querySelectorAll<HTMLElement>('.egn-classifier article.card')) {
				const edge = card.getBoundingClientRect().right;
				for (const name of card.querySelectorAll<HTMLElement>('th .name'))
					if (name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1)
						problems.push(`cut: ${name.textContent}`);
				for (const value of card.querySelectorAll<HTMLElement>('dd'))
					if (value.getBoundingClientRect().right > edge) problems.push(`spills: ${value.textContent}`);
			}
			return problems;
		});
		expect(cut).toEqual([]);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	}, 300_000);
});
