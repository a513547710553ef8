/**
 * The articles' figures after their first screens are rendered into the HTML and hydrate only as the
 * reader comes near them (src/lib/viz/Island.svelte): nothing moves when they do, their styles
 * are in the HTML once each, and after a navigation inside the site (no server HTML) they mount.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, openHydrated, watchProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const islandStates = (page: Page) =>
	page.$$eval('[data-island]', (boxes) =>
		boxes.map((box) => ({
			state: box.getAttribute('data-island'),
			height: Math.round(box.getBoundingClientRect().height),
			figures: box.querySelectorAll('figure, section, table').length
		}))
	);

describe.each(['en', 'zh'])('articles (%s): figures that hydrate late', (lang) => {
	it.each([
		['ghostnet', 8],
		['efficientnet', 4]
	] as const)(
		'%s: are in the HTML, wait far below, and hydrate as the reader scrolls without moving anything',
		async (slug, count) => {
			const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
			const problems = watchProblems(page);
			await openHydrated(page, `${baseURL()}/${lang}/${slug}`);
			const before = await islandStates(page);
			expect(before).toHaveLength(count);
			expect(before.every((island) => island.height > 200 && island.figures > 0)).toBe(true);
			// The last ones are many screens down: their code has not loaded.
			expect(before.at(-1)!.state).toBe('waiting');
			// Each component's styles are in the HTML once.
			const styleIds = await page.$$eval('style[id^="svelte-"]', (styles) => styles.map((s) => s.id));
			expect(styleIds.length).toBeGreaterThan(0);
			expect(new Set(styleIds).size).toBe(styleIds.length);

			await hydrateIslands(page);
			const after = await islandStates(page);
			expect(after.map((island) => island.state)).toEqual(before.map(() => 'ready'));
			expect(after.map((island) => island.height)).toEqual(before.map((island) => island.height));
			expect(problems).toEqual({ console: [], failed: [] });
			await page.close();
		}
	);

	it('hydrate into what the reader chose meanwhile (the width set in the GhostNet table)', async () => {
		// A short window: the figures after the table are more than a screen and a half away from it.
		const page = await browser.newPage({ viewport: { width: 1280, height: 400 } });
		const problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
		const table = page.locator('[data-island]', { has: page.getByTestId('ghostnet-table') });
		const comparison = page.locator('[data-island]', { has: page.getByTestId('imagenet-comparison') });
		await table.scrollIntoViewIfNeeded();
		await expect.poll(() => table.getAttribute('data-island')).toBe('ready');
		expect(await comparison.getAttribute('data-island')).toBe('waiting');
		await table.getByRole('button', { name: '0.5×' }).click();

		await comparison.scrollIntoViewIfNeeded();
		await expect.poll(() => comparison.getAttribute('data-island')).toBe('ready');
		const pressed = comparison.getByRole('button', { name: '0.5×' });
		expect(await pressed.getAttribute('aria-pressed')).toBe('true');
		expect(await page.getByTestId('savings-summary').innerText()).toContain('0.5×');
		// And it still follows the table.
		await table.getByRole('button', { name: '1.3×' }).click();
		await expect
			.poll(() => comparison.getByRole('button', { name: '1.3×' }).getAttribute('aria-pressed'))
			.toBe('true');
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('mount after a navigation inside the site, and work', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const problems = watchProblems(page);
		await openHydrated(page, `${baseURL()}/${lang}`);
		await page.locator(`a[href$="/${lang}/ghostnet"]`).first().click();
		await page.waitForURL(`**/${lang}/ghostnet`);
		await hydrateIslands(page);
		const states = await islandStates(page);
		expect(states.every((island) => island.state === 'ready' && island.figures > 0)).toBe(true);
		// The GhostNet table and the ImageNet comparison share the width on display.
		const table = page.getByTestId('ghostnet-table');
		await table.getByRole('button', { name: '0.5×' }).click();
		await expect
			.poll(() =>
				page
					.getByTestId('imagenet-comparison')
					.getByRole('button', { name: '0.5×' })
					.getAttribute('aria-pressed')
			)
			.toBe('true');
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});
});
