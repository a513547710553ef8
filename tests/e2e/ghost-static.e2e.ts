// The GhostNet article's weight-free figures (fig2–fig5) in Chromium, on the production build.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, openHydrated, watchProblems } from './browser';

const languages = [
	{ lang: 'zh', s: 's（比例）', n: 'n（输出特征图）', k: 'k（卷积核）', withSe: '带 SE 模块' },
	{ lang: 'en', s: 's (ratio)', n: 'n (output maps)', k: 'k (conv kernel)', withSe: 'with an SE module' }
] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function open(lang: string): Promise<{ page: Page; problems: ReturnType<typeof watchProblems> }> {
	const page = await browser.newPage();
	const problems = watchProblems(page);
	await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
	await hydrateIslands(page);
	return { page, problems };
}

const mapKinds = (page: Page) =>
	page
		.getByTestId('ghost-svg')
		.locator('rect[data-kind]')
		.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-kind')));

describe.each(languages)('GhostNet article ($lang): weight-free figures', (t) => {
	it('the calculator updates its KaTeX, summary, notes and chart from the keyboard', async () => {
		const { page, problems } = await open(t.lang);
		const calculator = page.getByTestId('compression-calculator');
		const summary = calculator.getByTestId('calculator-summary');
		await expect(summary.textContent()).resolves.toContain('r_s = 1.969');
		expect(await calculator.locator('.katex-display').count()).toBe(6);

		const s = calculator.getByRole('slider', { name: t.s });
		await s.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		// s = 4, c = 64, k = d = 3: 576 / (576/4 + 3/4·9)
		await expect(summary.textContent()).resolves.toContain(`r_s = ${(576 / (144 + 6.75)).toFixed(3)}`);
		expect(await s.getAttribute('aria-valuetext')).toContain('s = 4');
		expect(await calculator.locator('.katex-display').first().textContent()).toContain('115,605,504');
		// The Ghost module's FLOPs follow s in KaTeX (loaded when the calculator was first used):
		// 16·56·56·64·3·3 + 3·16·56·56·3·3 = 30,256,128.
		// (queried on each poll: KaTeX replaces the formula's elements when it changes)
		await page.waitForFunction(() =>
			document
				.querySelectorAll('[data-testid=compression-calculator] .katex-display')[2]
				?.textContent?.includes('30,256,128')
		);
		expect(await calculator.locator('.katex-display').count()).toBe(6);
		expect(await calculator.locator('[aria-busy=true]').count()).toBe(0);

		await calculator.getByRole('slider', { name: t.k }).focus();
		await page.keyboard.press('ArrowLeft');
		expect(await calculator.getByTestId('note-kernel').isVisible()).toBe(true);
		expect(await calculator.locator('circle.marker').count()).toBe(1);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('the Ghost module diagram follows n and s', async () => {
		const { page, problems } = await open(t.lang);
		const diagram = page.getByTestId('ghost-module-diagram');
		const count = async (kind: string) => (await mapKinds(page)).filter((k) => k === kind).length;
		expect([await count('identity'), await count('ghost')]).toEqual([4, 8]);
		await diagram.getByRole('slider', { name: t.s }).focus();
		await page.keyboard.press('ArrowLeft'); // s = 2
		expect([await count('identity'), await count('ghost')]).toEqual([6, 6]);
		await diagram.getByRole('slider', { name: t.n }).focus();
		await page.keyboard.press('ArrowLeft'); // n = 11: 6 intrinsic, 5 kept ghosts, 1 sliced off
		expect([await count('identity'), await count('ghost'), await count('dropped')]).toEqual([6, 5, 1]);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('the GhostNet table follows the width and shows the chosen block', async () => {
		const { page, problems } = await open(t.lang);
		const table = page.getByTestId('ghostnet-table');
		await expect(table.getByTestId('total-params').textContent()).resolves.toBe('5,182,508');
		await table.getByRole('button', { name: '0.5×' }).click();
		await expect(table.getByTestId('total-params').textContent()).resolves.toBe('2,587,292');
		await table.getByRole('button', { name: '1.3×' }).click();
		await expect(table.getByTestId('total-params').textContent()).resolves.toBe('7,358,820');

		await table.getByRole('button', { name: /blocks\.6\.3/ }).focus();
		await page.keyboard.press('Enter');
		const detail = table.getByTestId('block-detail').getByRole('img');
		expect(await detail.getAttribute('data-block')).toBe('blocks.6.3');
		// 1.3×: blocks.6.3 is 104 → 624 → 144 with SE 156 (facts.md C.6)
		expect(await detail.textContent()).toContain('624→156→624');

		await table.locator('tr[data-key="blocks.1.0"] td').first().click();
		expect(await detail.getAttribute('data-block')).toBe('blocks.1.0');
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('the bottleneck diagrams switch to blocks with SE', async () => {
		const { page, problems } = await open(t.lang);
		const figure = page.getByTestId('ghost-bottlenecks');
		const blocks = () =>
			figure
				.getByTestId('bottleneck-svg')
				.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-block')));
		expect(await blocks()).toEqual(['blocks.0.0', 'blocks.1.0']);
		await figure.getByRole('checkbox', { name: t.withSe }).check();
		expect(await blocks()).toEqual(['blocks.4.0', 'blocks.3.0']);
		expect(await figure.locator('[data-step="se"]').count()).toBe(2);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it('the figures are prerendered into the HTML (readable before JavaScript)', async () => {
		const html = await (await fetch(`${baseURL()}/${t.lang}/ghostnet`)).text();
		expect(html).toContain('data-testid="compression-calculator"');
		expect(html).toContain('115{,}605{,}504'.replace(/\{,\}/g, ','));
		expect(html).toContain('data-testid="ghostnet-table"');
		expect(html).toContain('5,182,508');
		expect(html).toContain('data-testid="ghost-svg"');
	});
});
