import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, hydrateIslands, launch, watchProblems } from './browser';

const articlePages = ['/zh/efficientnet', '/zh/ghostnet', '/en/efficientnet', '/en/ghostnet'];
const pages = ['/', '/zh', '/en', ...articlePages];

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('the site, in Chromium, from the production build', () => {
	it.each(pages)('%s loads with no console error and no failed request', async (path) => {
		const page = await browser.newPage();
		const problems = watchProblems(page);
		const response = await page.goto(baseURL() + path, { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(200);
		await expect(page.locator('main h1').count()).resolves.toBeGreaterThan(0);
		expect(problems).toEqual({ console: [], failed: [] });
		await page.close();
	});

	it.each(articlePages)(
		'%s shows build-time KaTeX display math, a TOC and the right <html lang>',
		async (path) => {
			const page = await browser.newPage();
			await page.goto(baseURL() + path);
			expect(await page.locator('.katex-display').count()).toBeGreaterThan(0);
			// KaTeX's stylesheet comes with the articles (other pages do not load it).
			expect(
				await page.evaluate(() => getComputedStyle(document.querySelector('.katex')!).fontFamily)
			).toMatch(/^KaTeX_Main,/);
			expect(await page.locator('nav.toc a').count()).toBeGreaterThan(1);
			expect(await page.getAttribute('html', 'lang')).toBe(path.startsWith('/zh') ? 'zh-CN' : 'en');
			await page.close();
		}
	);

	it.each([...pages, '/en/classify', '/zh/classify'])(
		'%s: every stylesheet that styles what the page shows is linked in its HTML (none restyles it later)',
		async (path) => {
			const page = await browser.newPage();
			await page.goto(baseURL() + path, { waitUntil: 'networkidle' });
			// Also once the figures that hydrate late have done so (their styles come in the HTML). The
			// scrolling also brings the deferred figures, which are not in the HTML and bring their own.
			await hydrateIslands(page);
			const html = await (await fetch(baseURL() + path)).text();
			// Stylesheets the scripts added (code split with a component) whose rules match the page.
			const late = await page.evaluate(
				(linked) =>
					[...document.styleSheets]
						.filter((sheet) => sheet.href && !linked.some((href) => sheet.href!.endsWith(href)))
						.map((sheet) => ({
							href: sheet.href!,
							matching: [...sheet.cssRules]
								.filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
								.filter((rule) => {
									try {
										return [...document.querySelectorAll(rule.selectorText)].some(
											(element) => !element.closest('[data-deferred]')
										);
									} catch {
										return false;
									}
								})
								.map((rule) => rule.selectorText)
						}))
						.filter((sheet) => sheet.matching.length > 0),
				[...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)].map((m) =>
					m[1].replace(/^(\.\.?\/)+/, '/')
				)
			);
			expect(late).toEqual([]);
			await page.close();
		}
	);

	it.each([...pages, '/en/classify', '/zh/classify'])(
		'%s has absolute canonical and hreflang URLs and a link preview that exists',
		async (path) => {
			const html = await (await fetch(baseURL() + path)).text();
			const tag = (pattern: RegExp) => html.match(pattern)?.[1];
			// The build's default origin (SITE_ORIGIN unset): src/lib/site/origin.ts.
			const origin = 'http://localhost:4173';
			expect(tag(/<link rel="canonical" href="([^"]+)"/)).toBe(origin + path.replace(/^\/$/, '/'));
			const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
			expect(alternates.map((m) => m[1])).toEqual(['zh-CN', 'en', 'x-default']);
			expect(alternates.every((m) => m[2].startsWith(origin + '/'))).toBe(true);
			expect(tag(/<meta name="description" content="([^"]+)"/)?.length).toBeGreaterThan(20);
			expect(tag(/<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image');
			const image = tag(/<meta property="og:image" content="([^"]+)"/)!;
			expect(image).toMatch(new RegExp(`^${origin}/og/(site|efficientnet|ghostnet)\\.png$`));
			const png = await fetch(baseURL() + new URL(image).pathname);
			expect(png.headers.get('content-type')).toBe('image/png');
			const bytes = new Uint8Array(await png.arrayBuffer());
			const view = new DataView(bytes.buffer);
			// PNG signature, then the IHDR chunk's width and height.
			expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
			expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
		}
	);

	it.each(['/en/classify', '/zh', '/404.html'])(
		"%s: the switch's 中文 has its own faces, loaded before the body is parsed",
		async (path) => {
			const context = await browser.newContext();
			// When <body> appears, before anything in it is laid out: the faces the head registered.
			await context.addInitScript(() => {
				const seen: string[][] = [];
				Object.assign(window, { __faces: seen });
				new MutationObserver((_, observer) => {
					if (!document.body) return;
					seen.push(
						[...document.fonts].filter((f) => f.family === 'EGN Language Names').map((f) => f.status)
					);
					observer.disconnect();
				}).observe(document, { childList: true, subtree: true });
			});
			const page = await context.newPage();
			const problems = watchProblems(page);
			await page.goto(baseURL() + path);
			const state = await page.evaluate(() => ({
				atBody: (window as unknown as { __faces: string[][] }).__faces[0],
				katexFaces: [...document.fonts].filter((f) => f.family.startsWith('KaTeX')).length,
				family: getComputedStyle(document.querySelector('.language-switch [lang="zh"]')!).fontFamily
			}));
			expect(state.atBody).toEqual(['loaded', 'loaded']);
			// No math on these pages, so none of KaTeX's stylesheet and font faces either.
			expect(state.katexFaces).toBe(0);
			expect(state.family).toMatch(/^"EGN Language Names", /);
			expect(problems).toEqual({ console: [], failed: [] });
			await context.close();
		}
	);

	it('prerenders the math: the HTML file already contains KaTeX markup', async () => {
		const res = await fetch(baseURL() + '/en/ghostnet');
		const html = await res.text();
		expect(html).toContain('class="katex-display"');
		expect(html).toContain('<html lang="en"');
	});

	it('the language switch keeps the reader on the same article', async () => {
		const page = await browser.newPage();
		await page.goto(baseURL() + '/zh/ghostnet');
		await page.getByRole('link', { name: 'English' }).click();
		await page.waitForURL('**/en/ghostnet');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.getByRole('link', { name: '中文' }).click();
		await page.waitForURL('**/zh/ghostnet');
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		await page.close();
	});

	it('the home page leads to both articles and the classifier in each language', async () => {
		const html = await (await fetch(baseURL() + '/')).text();
		for (const href of ['/en/efficientnet', '/en/ghostnet', '/en/classify', '/zh/classify']) {
			expect(html).toContain(`href="${href}"`);
		}
	});

	it('previous/next links lead through the articles', async () => {
		const page = await browser.newPage();
		await page.goto(baseURL() + '/en/efficientnet');
		await page.locator('a[rel=next]').click();
		await page.waitForURL('**/en/ghostnet');
		expect(await page.locator('a[rel=prev]').getAttribute('href')).toBe('/en/efficientnet');
		await page.close();
	});

	it.each(['/nope', '/fr/efficientnet', '/zh/nope'])('%s gets the 404 page', async (path) => {
		const page = await browser.newPage();
		const response = await page.goto(baseURL() + path);
		expect(response?.status()).toBe(404);
		await expect(page.locator('main h1').textContent()).resolves.toMatch(/not found|找不到/i);
		await page.close();
	});

	it('the static 404.html reads without JavaScript', async () => {
		const res = await fetch(baseURL() + '/404');
		expect(await res.text()).toContain('Page not found');
	});

	it('pages work with JavaScript disabled', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(baseURL() + '/zh/efficientnet');
		expect(await page.locator('.katex-display').count()).toBeGreaterThan(0);
		// The figures that only run in the browser say so, and hold no empty space.
		const deferred = page.locator('[data-deferred]');
		expect(await deferred.count()).toBe(2);
		for (const box of await deferred.all()) {
			await expect(box.textContent()).resolves.toContain('需要启用 JavaScript');
			expect((await box.boundingBox())!.height).toBeLessThan(100);
		}
		await page.getByRole('link', { name: 'English' }).click();
		await page.waitForURL('**/en/efficientnet');
		expect(await page.locator('main h1').textContent()).toMatch(/EfficientNet/);
		await context.close();
	});

	it('the skip link moves focus to the content', async () => {
		const page = await browser.newPage();
		await page.goto(baseURL() + '/en/efficientnet');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => location.hash)).toBe('#main');
		await page.close();
	});

	it('fits a 360 px wide screen without horizontal scrolling', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
		for (const path of articlePages) {
			await page.goto(baseURL() + path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
		await page.close();
	});
});
