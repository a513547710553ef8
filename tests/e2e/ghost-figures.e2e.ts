// The GhostNet article's evidence figures (issue 15) in Chromium, on the production build: the calculator's
// GhostNet preset, the paper's ablations, the per-module savings, the ImageNet comparison and Ghost modules
// inside EfficientNet, each with the mouse and the keyboard, at 360 px and 1280 px, in both languages.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, openHydrated, watchProblems } from './browser';

const TEXT = {
	en: {
		preset: 'As in GhostNet (k = 1, d = 3)',
		k: 'k (conv kernel)',
		dPanel: 'Cheap kernel d (VGG-16, s = 2)',
		sPanel: 'Ratio s (VGG-16, d = 3)',
		width: 'Width multiplier',
		ghostGroup: 'GhostNet 0.5×, 1.0×, 1.3×',
		mobileGroup: 'MobileNet V1, V2, V3',
		toggle: 'Replace each 1×1 expand and project convolution with a Ghost module',
		ratio: 's (Ghost ratio)',
		chart: /MACs per stage/,
		savingsRegion: 'MACs of every Ghost module against the ordinary convolution it replaces',
		noAccuracy: 'trained no network of this width',
		table: 'The numbers as a table'
	},
	zh: {
		preset: '与 GhostNet 相同（k = 1，d = 3）',
		k: 'k（卷积核）',
		dPanel: '廉价操作核 d（VGG-16，s = 2）',
		sPanel: '比例 s（VGG-16，d = 3）',
		width: '宽度系数',
		ghostGroup: 'GhostNet 0.5×、1.0×、1.3×',
		mobileGroup: 'MobileNet V1、V2、V3',
		toggle: '把每个 1×1 扩张卷积和投影卷积换成 Ghost 模块',
		ratio: 's（Ghost 比例）',
		chart: /各阶段的 MACs/,
		savingsRegion: '每个 Ghost 模块与它所替换的普通卷积的乘加数',
		noAccuracy: '论文没有训练这个宽度的网络',
		table: '以表格查看数据'
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
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

describe.each(cases)('GhostNet article ($lang, $width px): the evidence figures', ({ lang, width }) => {
	const t = TEXT[lang];
	let page: Page;
	let problems: ReturnType<typeof watchProblems>;

	beforeAll(async () => {
		page = await browser.newPage({ viewport: { width, height: 800 } });
		problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
		await hydrateIslands(page);
	});
	afterAll(async () => {
		await page?.close();
	});

	it('the calculator’s GhostNet preset sets k = 1, d = 3 by mouse and by keyboard', async () => {
		const calculator = page.getByTestId('compression-calculator');
		const preset = calculator.getByRole('button', { name: t.preset });
		const k = calculator.getByRole('slider', { name: t.k });
		await preset.click();
		expect(await preset.getAttribute('aria-pressed')).toBe('true');
		expect(await k.inputValue()).toBe('1');
		expect(await calculator.getByTestId('note-kernel').isVisible()).toBe(true);
		await k.focus();
		await page.keyboard.press('ArrowRight'); // k = 3
		expect(await preset.getAttribute('aria-pressed')).toBe('false');
		await preset.focus();
		await page.keyboard.press('Enter');
		expect(await k.inputValue()).toBe('1');
		expect(await preset.getAttribute('aria-pressed')).toBe('true');
	});

	it('the ablation panels read out points on hover and from the keyboard, and open their table', async () => {
		const figure = page.getByTestId('paper-ablations');
		const dPanel = figure.locator('[data-panel="d"]');
		await dPanel.getByRole('option').nth(1).hover();
		expect(await text(dPanel.locator('.readout'))).toContain('d = 3');
		const s = figure.getByRole('listbox', { name: t.sPanel });
		await s.focus();
		await page.keyboard.press('ArrowRight');
		expect(await text(figure.locator('[data-panel="s"] .readout'))).toContain('s = 2');
		const summary = figure.locator('summary', { hasText: t.table });
		await summary.focus();
		await page.keyboard.press('Enter');
		expect(await figure.getByTestId('ablation-table').getAttribute('open')).not.toBeNull();
		expect(await figure.getByRole('cell', { name: '163' }).isVisible()).toBe(true);
	});

	it('the per-module savings follow the GhostNet table’s width (mouse and keyboard)', async () => {
		const table = page.getByTestId('ghostnet-table');
		const savings = page.getByTestId('module-savings');
		const first = savings.locator('tr[data-module="blocks.0.0.ghost1"] td');
		expect(await text(first.nth(4))).toContain('1.280');
		await table.getByRole('button', { name: '0.5×' }).click();
		expect(await text(savings.getByRole('heading'))).toContain('GhostNet 0.5×');
		expect(await text(first.first())).toBe('8 → 8');
		const before = await height(savings);
		const slider = table.getByRole('slider', { name: t.width });
		await slider.focus();
		await page.keyboard.press('ArrowRight'); // 0.55
		expect(await text(savings.getByRole('heading'))).toContain('GhostNet 0.55×');
		expect(await height(savings)).toBe(before);
		// The table scrolls inside its own focusable region, by keyboard too.
		const region = savings.getByRole('region', { name: t.savingsRegion });
		await region.focus();
		await page.keyboard.press('PageDown');
		await expect.poll(() => region.evaluate((el) => el.scrollTop), { timeout: 2000 }).toBeGreaterThan(0);
		await table.getByRole('button', { name: '1.0×' }).click();
	});

	it('the ImageNet comparison reads its points and marks the chosen width at our exact MACs', async () => {
		const figure = page.getByTestId('imagenet-comparison');
		const readout = figure.getByTestId('imagenet-readout');
		const marked = figure.getByTestId('imagenet-marked');
		expect(await text(marked)).toContain('141,150,512');
		await figure.getByRole('listbox', { name: t.mobileGroup }).getByRole('option').first().hover();
		expect(await text(readout)).toContain('MobileNet');
		const ghost = figure.getByRole('listbox', { name: t.ghostGroup });
		await ghost.focus();
		await page.keyboard.press('ArrowRight');
		expect(await text(readout)).toContain('GhostNet 1.0×');
		await figure.getByRole('button', { name: '1.3×' }).click();
		expect(await text(marked)).toContain('7,358,820');
		// One width for the page: the GhostNet table above follows.
		expect(await text(page.getByTestId('ghostnet-table').getByTestId('total-params'))).toBe('7,358,820');
		const before = await height(figure);
		const slider = page.getByTestId('ghostnet-table').getByRole('slider', { name: t.width });
		await slider.focus();
		await page.keyboard.press('ArrowLeft'); // 1.25: not trained in the paper
		expect(await text(marked)).toContain(t.noAccuracy);
		expect(await height(figure)).toBe(before);
		await figure.getByRole('button', { name: '1.0×' }).focus();
		await page.keyboard.press('Enter');
		expect(await text(marked)).toContain('141,150,512');
	});

	it('Ghost modules inside EfficientNet: variant, toggle, s and the chart, by mouse and keyboard', async () => {
		const figure = page.getByTestId('ghost-effnet');
		const shown = figure.getByTestId('ghost-effnet-shown-name');
		expect(await text(figure.getByRole('note'))).toMatch(/never trained|从未训练过/);
		expect(await text(shown)).toContain('efficientnet_b0_ghost_s2');
		const before = await height(figure);
		await figure.getByRole('button', { name: 'B3' }).click();
		expect(await text(shown)).toContain('efficientnet_b3_ghost_s2');
		await figure.getByRole('checkbox', { name: t.toggle }).click();
		expect(await text(shown)).toContain('efficientnet_b3');
		expect(await text(shown)).not.toContain('ghost_s');
		expect(await height(figure)).toBe(before);
		const checkbox = figure.getByRole('checkbox', { name: t.toggle });
		await checkbox.focus();
		await page.keyboard.press('Space');
		expect(await checkbox.isChecked()).toBe(true);
		await figure.getByRole('slider', { name: t.ratio }).focus();
		await page.keyboard.press('ArrowRight');
		expect(await text(shown)).toContain('efficientnet_b3_ghost_s3');
		const chart = figure.getByRole('listbox', { name: t.chart });
		await chart.focus();
		await page.keyboard.press('ArrowDown');
		expect(await text(figure.getByTestId('ghost-effnet-readout'))).toMatch(/^(Stage|阶段) 2/);
		await chart.getByRole('option').nth(4).hover();
		expect(await text(figure.getByTestId('ghost-effnet-readout'))).toMatch(/^(Stage|阶段) 5/);
	});

	it('fits the screen without page-level horizontal scrolling, with no console errors', async () => {
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(problems).toEqual({ console: [], failed: [] });
	});
});
