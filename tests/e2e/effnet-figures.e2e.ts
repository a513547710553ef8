// The EfficientNet article's teaching figures (issue 14) in Chromium, on the production build: the
// convolutions side by side, the grid search, the MBConv block (following the Scaling lab) and the
// receptive fields of the lab's same-MACs networks, by mouse and keyboard, at 360 px and 1280 px, in
// both languages. Figures keep their height while controls change, SVG text stays at least 11 px on
// screen, the page never scrolls sideways, and nothing is logged as an error.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, openHydrated, watchProblems } from './browser';

const TEXT = {
	en: {
		cIn: 'C_in (input channels)',
		alpha: 'α (depth)',
		block: 'Block',
		title: (name: string) => `Inside an MBConv block of ${name}`,
		preset: (v: string) => `Official EfficientNet-${v}`,
		reads3: 'Output channel 3 reads input channel 3 only.',
		resolutionOnly: /^resolution only: 851 px of (\d+) px \((\d+) %\)$/,
		compound: /^compound: EfficientNet-B7: (\d+) px of 600 px \((\d+) %\)$/
	},
	zh: {
		cIn: 'C_in（输入通道数）',
		alpha: 'α（深度）',
		block: '模块',
		title: (name: string) => `${name} 的一个 MBConv 模块内部`,
		preset: (v: string) => `官方 EfficientNet-${v}`,
		reads3: '输出通道 3 只读取输入通道 3。',
		resolutionOnly: /^只放缩分辨率：(\d+) px 中的 851 px（(\d+) %）$/,
		compound: /^复合放缩：EfficientNet-B7：600 px 中的 (\d+) px（(\d+) %）$/
	}
} as const;

const cases = [
	{ lang: 'en', width: 360 },
	{ lang: 'zh', width: 360 },
	{ lang: 'en', width: 1280 },
	{ lang: 'zh', width: 1280 }
] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? Number.NaN;
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

/** The smallest on-screen font size of the SVG text in a figure (font size × the SVG's scale, rotation aside). */
const smallestSvgText = (figure: Locator) =>
	figure.evaluate((root) => {
		const sizes = [...root.querySelectorAll('svg text')]
			.filter((t) => (t.textContent ?? '').trim() !== '')
			.map((t) => {
				const m = (t as SVGTextElement).getScreenCTM();
				const scale = m ? Math.hypot(m.a, m.b) : 1;
				return parseFloat(getComputedStyle(t).fontSize) * scale;
			});
		return sizes.length ? Math.min(...sizes) : Number.NaN;
	});

describe.each(cases)('EfficientNet figures ($lang, $width px)', ({ lang, width }) => {
	const t = TEXT[lang];
	let page: Page;
	let problems: ReturnType<typeof watchProblems>;

	beforeAll(async () => {
		page = await browser.newPage({ viewport: { width, height: 800 } });
		problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${lang}/efficientnet`);
		await hydrateIslands(page);
	});
	afterAll(async () => {
		await page?.close();
	});

	it('convolutions side by side: the keyboard sets C_in, the mouse traces an output; the size stays', async () => {
		const figure = page.getByTestId('conv-compare');
		await figure.scrollIntoViewIfNeeded();
		const before = await height(figure);
		const cIn = figure.getByRole('slider', { name: t.cIn });
		await cIn.focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // C_in 4 → 8
		// C_out 6, k 3, 56×56: ordinary 8·6·9 = 432 weights; depthwise 8·9 = 72; separable 72 + 48 = 120.
		expect(await text(figure.getByTestId('weights-ordinary'))).toBe('432');
		expect(await text(figure.getByTestId('weights-depthwise'))).toBe('72');
		expect(await text(figure.getByTestId('macs-separable'))).toBe((3136 * 120).toLocaleString('en-US'));
		await figure.getByTestId('conv-depthwise').locator('circle.out').nth(2).hover();
		expect(await text(figure.getByTestId('conv-depthwise').locator('.reads'))).toBe(t.reads3);
		expect(Math.abs((await height(figure)) - before)).toBeLessThanOrEqual(1);
		expect(await smallestSvgText(figure)).toBeGreaterThanOrEqual(11);
	});

	it('the grid search: γ follows α on the constraint (keyboard and mouse); the paper’s point stays', async () => {
		const figure = page.getByTestId('grid-search');
		await figure.scrollIntoViewIfNeeded();
		const before = await height(figure);
		const table = figure.getByTestId('grid-table');
		const gamma = () => text(table.locator('tbody tr').first().locator('td').first());
		const alpha = figure.getByRole('slider', { name: t.alpha });
		await alpha.focus();
		for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft'); // α 1.30 → 1.20, β 1.05
		expect(await gamma()).toBe(Math.sqrt(2 / (1.2 * 1.05 ** 2)).toFixed(2));
		await alpha.click({ position: { x: 2, y: 5 } }); // the left end: α = 1
		expect(await alpha.inputValue()).toBe('1');
		expect(await gamma()).toBe(Math.sqrt(2 / 1.05 ** 2).toFixed(2));
		expect(await text(table.locator('tbody tr').first().locator('td').nth(1))).toBe('1.15');
		expect(Math.abs((await height(figure)) - before)).toBeLessThanOrEqual(1);
		expect(await smallestSvgText(figure)).toBeGreaterThanOrEqual(11);
	});

	it('the MBConv block: chosen by keyboard and mouse, same rows for every block, follows the lab', async () => {
		const figure = page.getByTestId('mbconv-block');
		await figure.scrollIntoViewIfNeeded();
		const steps = figure.getByTestId('mbconv-steps');
		const rows = await steps.locator('tbody tr').count();
		const before = await height(figure);
		const select = figure.getByRole('combobox', { name: t.block });
		expect(await select.inputValue()).toBe('blocks.1.1');
		await select.focus();
		await page.keyboard.press('ArrowDown');
		expect(await select.inputValue()).toBe('blocks.2.0');
		await select.selectOption('blocks.0.0');
		expect(await steps.locator('tbody tr').count()).toBe(rows);
		expect(Math.abs((await height(figure)) - before)).toBeLessThanOrEqual(1);
		expect(await smallestSvgText(figure)).toBeGreaterThanOrEqual(11);
		const lab = page.getByTestId('scaling-lab');
		await lab.getByRole('button', { name: t.preset('B3') }).click();
		expect(await text(figure.locator('figcaption').first())).toBe(t.title('EfficientNet-B3'));
		expect(await select.locator('option').count()).toBe(26);
	});

	it('the receptive fields: B7 keeps its field in proportion, resolution alone does not', async () => {
		const lab = page.getByTestId('scaling-lab');
		await lab.getByRole('button', { name: t.preset('B7') }).click();
		const field = page.getByTestId('receptive-field');
		await field.scrollIntoViewIfNeeded();
		const items = field.getByTestId('last-stage').locator('li');
		await expect.poll(async () => text(items.nth(3)), { timeout: 30_000 }).toMatch(t.resolutionOnly);
		const [, , resolutionShare] = (await text(items.nth(3))).match(t.resolutionOnly)!;
		const [, , compoundShare] = (await text(items.nth(0))).match(t.compound)!;
		expect(Number(compoundShare)).toBeGreaterThan(Number(resolutionShare));
		const table = field.getByRole('region');
		await table.focus();
		expect(await table.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await smallestSvgText(field)).toBeGreaterThanOrEqual(11);
	});

	it('no sideways scrolling and no console errors', async () => {
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(problems).toEqual({ console: [], failed: [] });
	});
});
