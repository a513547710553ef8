import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, openHydrated, type PageProblems, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const LAB = '[data-testid=scaling-lab]';
const BARS = '[data-testid=breakdown-chart] svg[role=group] rect';
const RULE = '[data-testid=accuracy-chart] .rule line';

async function openLab(
	path: string,
	viewport = { width: 1280, height: 900 }
): Promise<{ page: Page; problems: PageProblems }> {
	const page = await browser.newPage({ viewport });
	const problems = watchProblems(page);
	await openHydrated(page, baseURL() + path);
	await page.locator(LAB).waitFor();
	// Hydrated and settled: the worker has solved the single-dimension networks.
	await page.locator('[data-testid=shape-resolution]').waitFor({ timeout: 30_000 });
	return { page, problems };
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();
const phiValue = (page: Page, lang: 'en' | 'zh') =>
	page.getByLabel(lang === 'en' ? 'φ value' : 'φ 的数值').inputValue();
const phiSlider = (page: Page, lang: 'en' | 'zh') =>
	page.getByRole('slider', { name: lang === 'en' ? 'φ: compound coefficient' : 'φ：复合系数' });
const currentPoint = (page: Page, lang: 'en' | 'zh') =>
	page
		.getByRole('listbox', { name: lang === 'en' ? 'this network' : '当前网络', exact: true })
		.getByRole('option')
		.getAttribute('transform');

describe.each(['en', 'zh'] as const)('Scaling lab (%s), production build in Chromium', (lang) => {
	const path = `/${lang}/efficientnet`;

	it('starts at B0 with the exact totals of facts.md B and no console error', async () => {
		const { page, problems } = await openLab(path);
		expect(await text(page, 'total-params')).toBe('5,288,548');
		expect(await text(page, 'total-macs')).toBe('385.8 M');
		// The equations are prerendered with KaTeX, so they show as math before KaTeX is loaded.
		await page.locator(`${LAB} .equations`).scrollIntoViewIfNeeded();
		await page.waitForFunction((lab) => document.querySelectorAll(`${lab} .katex`).length >= 6, LAB);
		expect(await page.locator(`${LAB} .equation .plain`).count()).toBe(0);
		expect(await page.locator(`${LAB} [data-testid=exact-curve] path`).count()).toBe(1);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('loads KaTeX only once the reader uses the lab, then renders the changed equations with it', async () => {
		// Each script response's URL if it is KaTeX's chunk (recognised by one of KaTeX's messages).
		const scripts: Promise<string | null>[] = [];
		const katexScripts = async () =>
			(await Promise.all(scripts)).filter((url): url is string => url !== null);
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const problems = watchProblems(page);
		page.on('response', (response) => {
			if (!response.url().endsWith('.js')) return;
			const body = response.text().catch(() => '');
			scripts.push(body.then((text) => (text.includes('KaTeX parse error') ? response.url() : null)));
		});
		await openHydrated(page, baseURL() + path);
		await page.locator(`${LAB} .equations`).scrollIntoViewIfNeeded();
		await page.waitForTimeout(500);
		expect(await katexScripts()).toEqual([]);
		const depth = page.locator(`${LAB} .equation`).first();
		expect(await depth.locator('.katex').textContent()).toContain('1.000');
		await phiSlider(page, lang).focus();
		for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
		// φ = 1: d = 1.2^1 = 1.200, rendered by KaTeX (fetched now), not left as plain text.
		await page.waitForFunction(
			(lab) => document.querySelector(`${lab} .equation .katex`)?.textContent?.includes('1.200'),
			LAB
		);
		expect(await katexScripts()).toHaveLength(1);
		expect(await page.locator(`${LAB} .equation .plain`).count()).toBe(0);
		expect(await page.locator(`${LAB} .equation .katex`).count()).toBe(6);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('dragging φ with the mouse changes totals, table, charts and the URL, without moving the layout', async () => {
		const { page, problems } = await openLab(path);
		const slider = phiSlider(page, lang);
		await slider.scrollIntoViewIfNeeded();
		const box = (await slider.boundingBox())!;
		const tableTop = (await page.getByTestId('stage-table').boundingBox())!.y;
		const pointBefore = await currentPoint(page, lang);
		const barsBefore = await page.locator(BARS).first().getAttribute('width');
		const ruleBefore = await page.locator(RULE).getAttribute('x1');
		// φ runs from −3 to 9: φ = 0 is a quarter of the way along the track.
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + box.width * 0.25, y);
		await page.mouse.down();
		for (let step = 1; step <= 10; step++) {
			await page.mouse.move(box.x + box.width * (0.25 + 0.04 * step), y);
			expect((await slider.boundingBox())!.y).toBe(box.y);
			expect((await page.getByTestId('stage-table').boundingBox())!.y).toBe(tableTop);
		}
		await page.mouse.up();
		const phi = Number(await phiValue(page, lang));
		expect(phi).toBeGreaterThan(4);
		expect(phi).toBeLessThan(6);
		expect(await text(page, 'total-macs')).not.toBe('385.8 M');
		expect(await text(page, 'total-params')).not.toBe('5,288,548');
		expect(await currentPoint(page, lang)).not.toBe(pointBefore);
		expect(await page.locator(BARS).first().getAttribute('width')).not.toBe(barsBefore);
		expect(await page.locator(RULE).getAttribute('x1')).not.toBe(ruleBefore);
		await page.waitForFunction((v) => location.search.includes(`phi=${v}`), phi.toFixed(1));
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('keyboard: arrows step φ by 0.1 and the totals follow; the slider has an aria-valuetext', async () => {
		const { page, problems } = await openLab(path);
		const slider = phiSlider(page, lang);
		await slider.focus();
		for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
		expect(await phiValue(page, lang)).toBe('1.0');
		// φ = 1 with the paper coefficients: d = 1.2, w = 1.1, R = round(224·1.15) = 258 px.
		expect(await slider.getAttribute('aria-valuetext')).toMatch(/1\.0.*×1\.20.*×1\.10.*258 px/);
		expect(await text(page, 'total-macs')).not.toBe('385.8 M');
		await page.waitForFunction(() => location.search.includes('phi=1.0'));
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('a shared URL restores the state', async () => {
		const { page, problems } = await openLab(`${path}?phi=5.5&alpha=1.30&beta=1.05&gamma=1.20`);
		expect(await phiValue(page, lang)).toBe('5.5');
		expect(await page.getByLabel(lang === 'en' ? 'α value' : 'α 的数值').inputValue()).toBe('1.30');
		const macs = await text(page, 'total-macs');
		const copy = await openLab(page.url().replace(baseURL(), ''));
		expect(await text(copy.page, 'total-macs')).toBe(macs);
		const preset = await openLab(`${path}?variant=b7`);
		// facts.md A.7 / B: EfficientNet-B7 has 66,347,960 parameters.
		expect(await text(preset.page, 'total-params')).toBe('66,347,960');
		for (const p of [problems, copy.problems, preset.problems])
			expect(p).toEqual({ console: [], failed: [] });
		await Promise.all([page.close(), copy.page.close(), preset.page.close()]);
	});

	it('bad query values are clamped with a visible note, never NaN', async () => {
		const { page, problems } = await openLab(`${path}?phi=abc&alpha=5&beta=1.1&gamma=1.15`);
		const notes = page.getByTestId('url-notes');
		expect(await notes.isVisible()).toBe(true);
		expect(await notes.textContent()).toContain('abc');
		expect(await notes.textContent()).toContain('2.00');
		expect(await page.getByLabel(lang === 'en' ? 'α value' : 'α 的数值').inputValue()).toBe('2.00');
		expect(await page.locator(LAB).textContent()).not.toMatch(/NaN|Infinity|undefined/);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('fits 360 px', async () => {
		const { page, problems } = await openLab(path, { width: 360, height: 740 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('bars glide to a preset unless the reader prefers reduced motion; a drag never animates', async () => {
		const { page, problems } = await openLab(path);
		const barTransition = () =>
			page
				.locator(BARS)
				.first()
				.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
		const preset = page.getByRole('button', {
			name: lang === 'en' ? 'Official EfficientNet-B5' : '官方 EfficientNet-B5'
		});
		await preset.click();
		expect(await barTransition()).toBeGreaterThan(0.1);
		await phiSlider(page, lang).focus();
		await page.keyboard.press('ArrowRight');
		expect(await barTransition()).toBe(0);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await preset.click();
		expect(await barTransition()).toBeLessThan(0.001);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});
});
