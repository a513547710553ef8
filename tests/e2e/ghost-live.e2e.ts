// The GhostNet article's live parts (redundancy finder = fig1, live feature maps = fig2) in Chromium, on
// the production build, with the timm fixture checkpoints served by the local hub stand-in.
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, openHydrated, watchProblems } from './browser';
import { startHubServer, type HubServer } from './hub-server';

const languages = [
	{ lang: 'zh', load: '加载 ImageNet 权重', weights: '权重管理', intrinsic: '内在特征图 #1' },
	{ lang: 'en', load: 'Load the ImageNet weights', weights: 'Weight manager', intrinsic: 'intrinsic map #1' }
] as const;
type Text = (typeof languages)[number];

const GHOSTNET = 'ghostnet_100.in1k';
const EFFICIENTNET = 'efficientnet_b0.ra_in1k';

let browser: Browser;
let hub: HubServer;
beforeAll(async () => {
	[browser, hub] = await Promise.all([launch(), startHubServer()]);
});
afterAll(async () => {
	await Promise.all([browser?.close(), hub?.close()]);
});

async function open(lang: string, hubBase: string | null = hub.base('ok')) {
	const context: BrowserContext = await browser.newContext();
	if (hubBase)
		await context.addInitScript((base) => localStorage.setItem('egn.weightsBase.v1', base), hubBase);
	const page = await context.newPage();
	const problems = watchProblems(page);
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await openHydrated(page, `${baseURL()}/${lang}/ghostnet`);
	return { context, page, problems, requests };
}

/** Polls `read` until `accept` holds (the parts compute asynchronously, some runs take seconds). */
async function until<T>(read: () => Promise<T>, accept: (v: T) => boolean, timeout = 240_000): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await read();
		if (accept(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Clicks the weight manager's "load the ImageNet weights" inside `part` and waits until both are loaded. */
async function loadImagenet(part: Locator, t: Text) {
	const button = part.getByRole('button', { name: t.load });
	const manager = part.getByText(t.weights);
	const select = part.getByTestId('model-select');
	const loaded = async () =>
		/\((loaded|已加载)\)/.test((await select.locator(`option[value="${GHOSTNET}"]`).textContent()) ?? '');
	// The weight manager may be collapsed, and cached checkpoints may load by themselves: keep opening it
	// and pressing "load" until the weights are loaded (the wait below fails if they never are).
	for (let attempt = 0; attempt < 20 && !(await loaded()); attempt++) {
		if (await button.isVisible()) await button.click({ timeout: 5_000 }).catch(() => {});
		else if (await manager.isVisible()) await manager.click({ timeout: 5_000 }).catch(() => {});
		await new Promise((r) => setTimeout(r, 1_000));
	}
	await until(
		() => select.locator(`option[value="${GHOSTNET}"]`).textContent(),
		(text) => /\((loaded|已加载)\)/.test(text ?? '')
	);
}

/** Number of non-transparent pixels of a canvas, and a fingerprint of its content. */
function canvasPixels(canvas: Locator) {
	return canvas.evaluate((c: HTMLCanvasElement) => {
		const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		let opaque = 0;
		let hash = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (data[i + 3] > 0) opaque++;
			hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
		}
		return { opaque, hash };
	});
}

async function similarityTable(finder: Locator) {
	const cells = await finder
		.getByTestId('similarity-table')
		.locator('td[data-value]')
		.evaluateAll((tds) => tds.map((td) => [td.dataset.i, td.dataset.j, td.dataset.value].map(Number)));
	const channels = Math.round(Math.sqrt(cells.length));
	const at = (i: number, j: number) => cells[i * channels + j][2];
	return { cells, channels, at };
}

async function checkFinder(finder: Locator, modelId: string, channels: number) {
	await finder.getByTestId('model-select').selectOption(modelId);
	await until(
		() => finder.getAttribute('data-model'),
		(v) => v === modelId
	);
	const table = await similarityTable(finder);
	expect(table.channels).toBe(channels);
	let best = { i: -1, j: -1, v: -Infinity };
	for (let i = 0; i < channels; i++) {
		expect(Math.abs(table.at(i, i) - 1)).toBeLessThan(1e-4);
		for (let j = 0; j < channels; j++) {
			expect(Math.abs(table.at(i, j) - table.at(j, i))).toBeLessThan(1e-5);
			if (j > i && table.at(i, j) > best.v) best = { i, j, v: table.at(i, j) };
		}
	}
	const first = finder.getByTestId('pair').first();
	expect(Number(await first.getAttribute('data-similarity'))).toBe(best.v);
	expect([await first.getAttribute('data-a'), await first.getAttribute('data-b')]).toEqual([
		String(best.i),
		String(best.j)
	]);
	expect(await finder.getByTestId('pair').count()).toBe(3);
	for (const id of ['stem-maps', 'similarity-heatmap'])
		expect((await canvasPixels(finder.getByTestId(id))).opaque).toBeGreaterThan(1000);
	expect((await canvasPixels(finder.getByTestId('value-canvas').first())).opaque).toBeGreaterThan(100);
}

async function drawnModule(maps: Locator, key: string, modelId = GHOSTNET) {
	await maps.getByTestId('module-select').selectOption(key);
	await until(
		() => maps.getAttribute('data-module'),
		(v) => v === `${modelId}/${key}`
	);
	return {
		pixels: await canvasPixels(maps.getByTestId('map-grid')),
		tensors: Number(await maps.getAttribute('data-num-tensors'))
	};
}

describe.each(languages)('GhostNet article ($lang): live parts with fixture weights', (t) => {
	it('finds redundant stem maps, draws intrinsic and ghost maps, keeps tensors flat', async () => {
		const { context, page, problems } = await open(t.lang);
		const finder = page.getByTestId('redundancy-finder');
		await finder.scrollIntoViewIfNeeded();
		await loadImagenet(finder, t);

		await checkFinder(finder, GHOSTNET, 16);
		await checkFinder(finder, EFFICIENTNET, 32);

		const maps = page.getByTestId('live-feature-maps');
		await maps.scrollIntoViewIfNeeded();
		await maps.getByTestId('model-select').selectOption(GHOSTNET);
		const first = await drawnModule(maps, 'blocks.0.0.ghost1');
		expect(first.pixels.opaque).toBeGreaterThan(1000);
		const second = await drawnModule(maps, 'blocks.1.0.ghost1');
		expect(second.pixels.opaque).toBeGreaterThan(1000);
		expect(second.pixels.hash).not.toBe(first.pixels.hash);

		const grid = maps.getByTestId('map-grid');
		await grid.focus();
		await page.keyboard.press('ArrowRight');
		const detail = maps.getByTestId('map-detail');
		await until(
			() => detail.textContent(),
			(text) => (text ?? '').includes(t.intrinsic)
		);
		expect((await canvasPixels(detail.locator('canvas').first())).opaque).toBeGreaterThan(100);

		if (t.lang === 'en') {
			const keys = await maps
				.getByTestId('module-select')
				.locator('option')
				.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
			expect(keys).toHaveLength(32);
			const counts: number[] = [];
			for (let k = 0; k < 20; k++)
				counts.push((await drawnModule(maps, keys[(k * 7 + 3) % keys.length])).tensors);
			expect(new Set(counts)).toEqual(new Set([second.tensors]));
		}

		expect(problems).toEqual({ console: [], failed: [] });
		await context.close();
	}, 900_000);
});

describe('GhostNet article: live parts offline, on the bundled Fashion-MNIST GhostNet', () => {
	it.each(languages)(
		'$lang: runs with no download from another site and says which weights it uses',
		async (t) => {
			const manifest = await (await fetch(`${baseURL()}/weights/fmnist-models.json`)).json();
			const ghost = manifest.models.find((m: { family: string }) => m.family === 'ghostnet');
			const { context, page, problems, requests: atLoad } = await open(t.lang, null);
			const requests: string[] = [];
			page.on('request', (request) => requests.push(request.url()));

			// No weights are fetched before the reader reaches a live part (the runtime itself may start
			// when a part is within a screen, so that it is ready by then).
			expect(atLoad.filter((url) => url.endsWith('.safetensors'))).toEqual([]);
			const finder = page.getByTestId('redundancy-finder');
			expect(await finder.getByTestId('stem-maps').locator('..').textContent()).toContain(
				t.lang === 'en' ? 'The network starts when you scroll here' : '网络才会启动'
			);
			await finder.scrollIntoViewIfNeeded();
			// GhostNet 0.5×: a stem of 16·0.5 = 8 maps.
			await checkFinder(finder, ghost.id, 8);

			const maps = page.getByTestId('live-feature-maps');
			await maps.scrollIntoViewIfNeeded();
			const first = await drawnModule(maps, 'blocks.0.0.ghost1', ghost.id);
			const second = await drawnModule(maps, 'blocks.2.0.ghost1', ghost.id);
			expect(first.pixels.opaque).toBeGreaterThan(1000);
			expect(second.pixels.hash).not.toBe(first.pixels.hash);
			expect(await maps.getByTestId('weights-in-use').textContent()).toContain('Fashion-MNIST');
			expect(requests.filter((url) => !url.startsWith(baseURL()))).toEqual([]);
			expect(problems).toEqual({ console: [], failed: [] });
			await context.close();
		},
		600_000
	);
});
