/**
 * The classifier on the production build, in Chromium, with no internet: the hub is a local server
 * (tests/e2e/hub-server.ts) that serves the random-weight timm fixtures in the hub's layout, and the
 * build is pointed at it with the developer setting `localStorage['egn.weightsBase.v1']`. The weights
 * are random, so the predicted classes are arbitrary: these tests check the pipeline (weights → both
 * networks → top-5 from the label table, latency, backend, cache, errors, memory), not the classes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, openHydrated, type PageProblems, watchProblems } from './browser';
import { fixturePath, startHubServer, unreachableBase, type HubMode, type HubServer } from './hub-server';

type Lang = 'en' | 'zh';

let browser: Browser;
let hub: HubServer;
const tables: Record<Lang, string[]> = { en: [], zh: [] };

beforeAll(async () => {
	[browser, hub] = await Promise.all([launch(), startHubServer()]);
	for (const lang of ['en', 'zh'] as const) {
		tables[lang] = (await (await fetch(`${baseURL()}/labels/imagenet-1k.${lang}.json`)).json()).labels;
	}
});
afterAll(async () => {
	await browser?.close();
	await hub?.close();
});

interface Open {
	lang?: Lang;
	/** Hub base URL for the developer setting. */
	base?: string;
	/** Backend stored as the reader's choice before the page loads. */
	backend?: 'webgl' | 'wasm' | 'cpu';
	context?: BrowserContext;
}

async function open(options: Open = {}) {
	const context = options.context ?? (await browser.newContext());
	if (!options.context) {
		await context.addInitScript(
			({ base, backend }) => {
				if (base) localStorage.setItem('egn.weightsBase.v1', base);
				if (backend) localStorage.setItem('egn.backend.v1', backend);
			},
			{ base: options.base, backend: options.backend }
		);
	}
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.goto(`${baseURL()}/${options.lang ?? 'en'}/classify`);
	await waitForRuntime(page);
	return { context, page, problems };
}

const root = (page: Page) => page.locator('.egn-classifier');

async function waitForRuntime(page: Page) {
	await page.waitForFunction(
		() => document.querySelector('.egn-classifier')?.getAttribute('data-runtime') === 'ready'
	);
}

/** Waits until both cards show a finished ImageNet result (5 rows each) and nothing is running. */
async function waitForResults(page: Page, dataset = 'imagenet') {
	await page.waitForFunction(
		(want) => {
			const section = document.querySelector('.egn-classifier');
			if (section?.getAttribute('data-dataset') !== want || section.getAttribute('aria-busy') !== 'false')
				return false;
			// The results shown are for this data set (not the previous set's, about to be replaced).
			if (section.getAttribute('data-result-dataset') !== want) return false;
			const cards = [...section.querySelectorAll('article.card')];
			return cards.length === 2 && cards.every((c) => c.getAttribute('data-top-index') !== '');
		},
		dataset,
		{ timeout: 240_000 }
	);
}

interface CardReading {
	name: string;
	labels: string[];
	percents: number[];
	latency: string;
	backend: string;
	macs: string;
	origin: string;
}

async function readCards(page: Page): Promise<CardReading[]> {
	return root(page)
		.locator('article.card')
		.evaluateAll((cards) =>
			cards.map((card) => {
				const text = (selector: string) => card.querySelector(selector)?.textContent?.trim() ?? '';
				const all = (selector: string) =>
					[...card.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '');
				return {
					name: text('h3'),
					labels: all('th'),
					percents: all('td.value').map((v) => Number.parseFloat(v.replace('<', ''))),
					latency: text('dd.latency'),
					backend: text('dd.backend'),
					macs: text('dd.macs'),
					origin: text('.origin')
				};
			})
		);
}

/** Top-5 from the right label table, probabilities in order, latency, backend and MACs shown. */
function expectImagenetResult(cards: CardReading[], lang: Lang, backend: string) {
	expect(cards.map((c) => c.name)).toEqual(['EfficientNet-B0', 'GhostNet 1.0×']);
	for (const card of cards) {
		expect(card.labels).toHaveLength(5);
		for (const label of card.labels) expect(tables[lang]).toContain(label);
		expect(new Set(card.labels).size).toBe(5);
		for (let i = 1; i < 5; i++) expect(card.percents[i]).toBeLessThanOrEqual(card.percents[i - 1]);
		expect(card.percents.every((p) => p >= 0 && p <= 100)).toBe(true);
		expect(card.latency).toMatch(/^\d+(\.\d)? ms$/);
		expect(card.backend).toBe(backend);
	}
	expect(cards.map((c) => c.macs)).toEqual(['385.8M', '141.2M']);
}

/** Opens the weights panel (collapsed by default) and asks for the ImageNet checkpoints. */
async function loadImagenet(page: Page, lang: Lang = 'en') {
	const panel = root(page).locator('details.weights-panel');
	if ((await panel.getAttribute('open')) === null) await panel.locator('> summary').click();
	await page
		.getByRole('button', { name: lang === 'en' ? 'Load the ImageNet weights' : '加载 ImageNet 权重' })
		.click();
}

/** Console errors and failed requests, minus those a test provokes on purpose (the hub's bad URLs). */
function unexpected(problems: PageProblems, allowed: (text: string) => boolean = () => false) {
	return {
		console: problems.console.filter((text) => !allowed(text)),
		failed: problems.failed.filter((text) => !allowed(text))
	};
}

const modelRequests = () => hub.requests.filter((r) => r.startsWith('slow/')).length;

describe('offline default: our Fashion-MNIST models', () => {
	it('classify the first test image with both bundled networks, and no request leaves the site', async () => {
		const manifest = await (await fetch(`${baseURL()}/weights/fmnist-models.json`)).json();
		const labels: string[] = (await (await fetch(`${baseURL()}/labels/fashion-mnist.en.json`)).json()).labels;
		const context = await browser.newContext();
		const page = await context.newPage();
		const problems = watchProblems(page);
		const offsite: string[] = [];
		page.on('request', (request) => {
			if (!request.url().startsWith(baseURL()) && !request.url().startsWith('blob:'))
				offsite.push(request.url());
		});
		await page.goto(`${baseURL()}/en/classify`);
		await waitForResults(page, 'fmnist');
		const cards = await readCards(page);
		expect(cards.map((c) => c.name)).toEqual(['EfficientNet-B0 (width 0.5)', 'GhostNet 0.5×']);
		for (const [i, card] of cards.entries()) {
			expect(card.labels).toHaveLength(5);
			for (const label of card.labels) expect(labels).toContain(label);
			const entry = manifest.models.find(
				(m: { family: string }) => m.family === ['efficientnet', 'ghostnet'][i]
			);
			const accuracy = (entry.testAccuracy * 100).toFixed(1);
			expect(card.origin).toContain(
				`Fashion-MNIST · bundled with this site, trained by us (${accuracy}% test accuracy)`
			);
		}
		await expect(page.locator('.run-status [role=status]').textContent()).resolves.toMatch(
			/^In use: our models trained on Fashion-MNIST/
		);
		expect(offsite).toEqual([]);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 300_000);
});

/** tests/fixtures/fmnist/ui-200.json (written by scripts/train/make_ui_fixture.py with PyTorch). */
interface UiFixture {
	testIndices: number[];
	labels: number[];
	models: { id: string; family: string; top1: number[]; accuracy: number }[];
}

const FMNIST_FIXTURE = fileURLToPath(new URL('../fixtures/fmnist/', import.meta.url));

/** The fixture's 28×28 images (a gzipped IDX file: magic, 3 big-endian dims, then the bytes). */
function fixtureImages(): Uint8Array[] {
	const idx = gunzipSync(readFileSync(`${FMNIST_FIXTURE}ui-200-images-idx3-ubyte.gz`));
	const [n, h, w] = [4, 8, 12].map((at) => idx.readUInt32BE(at));
	if (idx.readUInt32BE(0) !== 0x803 || idx.length !== 16 + n * h * w) throw new Error('bad IDX file');
	return Array.from({ length: n }, (_, i) => idx.subarray(16 + i * h * w, 16 + (i + 1) * h * w));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** An 8-bit grayscale PNG (what a reader would save a Fashion-MNIST image as). */
function grayPng(pixels: Uint8Array, width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(data.length + 12);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), data.length + 8);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth; colour type 0 (gray), no interlace
	const rows = Buffer.alloc((width + 1) * height); // filter byte 0 before each row
	for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([
		signature,
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

describe('offline: the default Fashion-MNIST classifier on 200 test images, uploaded one by one', () => {
	it('matches the PyTorch accuracy of both networks within 1 point; a 28×28 upload is zero-padded, not resized', async () => {
		const fixture: UiFixture = JSON.parse(readFileSync(`${FMNIST_FIXTURE}ui-200.json`, 'utf8'));
		const images = fixtureImages();
		expect(images).toHaveLength(fixture.testIndices.length);
		expect(images.length).toBeGreaterThanOrEqual(200);
		const context = await browser.newContext();
		// No network at all: every request that would leave the local site is recorded and aborted.
		const offsite: string[] = [];
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith(baseURL())) return route.continue();
			offsite.push(url);
			return route.abort('internetdisconnected');
		});
		await context.addInitScript(() => localStorage.setItem('egn.backend.v1', 'wasm'));
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${baseURL()}/en/classify`);
		await waitForResults(page, 'fmnist');
		const modelIds = await root(page)
			.locator('article.card')
			.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-model') ?? ''));
		const predicted: Record<string, number[]> = Object.fromEntries(modelIds.map((id) => [id, []]));
		const started = Date.now();
		for (const [i, pixels] of images.entries()) {
			const name = `fmnist-test-${fixture.testIndices[i]}.png`;
			await page
				.getByLabel('Choose an image')
				.setInputFiles({ name, mimeType: 'image/png', buffer: grayPng(pixels, 28, 28) });
			const tops = await page.waitForFunction(
				(want) => {
					const section = document.querySelector('.egn-classifier');
					const shown = section?.querySelector(`img[alt="${want}"]`);
					if (!section || !shown || section.getAttribute('aria-busy') !== 'false') return null;
					return [...section.querySelectorAll('article.card')].map((c) =>
						Number(c.getAttribute('data-top-index'))
					);
				},
				name,
				{ timeout: 30_000, polling: 20 }
			);
			(await tops.jsonValue())!.forEach((top, m) => predicted[modelIds[m]].push(top));
		}
		const seconds = (Date.now() - started) / 1000;

		// The input the networks saw for the last (28×28) upload: its 28×28 pixels on a 2-pixel zero border.
		const seen = await page.locator('.input-preview canvas').evaluate((canvas: HTMLCanvasElement) => {
			// The preview is a bitmap renderer's canvas: read it through a 2D copy.
			const copy = Object.assign(document.createElement('canvas'), {
				width: canvas.width,
				height: canvas.height
			});
			const context = copy.getContext('2d')!;
			context.drawImage(canvas, 0, 0);
			const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
			return { size: canvas.width, gray: Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]) };
		});
		const last = images[images.length - 1];
		const expected = Array.from({ length: 32 * 32 }, (_, i) => {
			const [y, x] = [Math.floor(i / 32) - 2, (i % 32) - 2];
			return y >= 0 && y < 28 && x >= 0 && x < 28 ? last[y * 28 + x] : 0;
		});
		expect(seen.size).toBe(32);
		expect(seen.gray).toEqual(expected);

		for (const reference of fixture.models) {
			const top1 = predicted[reference.id];
			expect(top1, reference.id).toHaveLength(images.length);
			const correct = top1.filter((p, i) => p === fixture.labels[i]).length;
			const agree = top1.filter((p, i) => p === reference.top1[i]).length;
			const accuracy = correct / images.length;
			console.log(
				`${reference.id}: browser ${(accuracy * 100).toFixed(1)}% vs PyTorch ${(reference.accuracy * 100).toFixed(1)}% ` +
					`on ${images.length} test images; same top-1 as PyTorch on ${agree}; ${seconds.toFixed(0)} s for all uploads`
			);
			expect(Math.abs(accuracy - reference.accuracy)).toBeLessThanOrEqual(0.01);
		}
		expect(offsite).toEqual([]);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 400_000);
});

describe('classifier with ImageNet weights from a local hub mirror', () => {
	let context: BrowserContext;
	let page: Page;

	it('downloads both checkpoints with a progress bar (bytes and percent), then classifies a sample on wasm', async () => {
		let problems: PageProblems;
		({ context, page, problems } = await open({ base: hub.base('slow') }));
		const before = await root(page)
			.locator('article.card')
			.evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
		await loadImagenet(page);
		const progress = page.locator('[data-model="ghostnet_100.in1k"] .progress');
		await expect
			.poll(() => progress.innerText(), { timeout: 30_000 })
			.toMatch(/Downloading\s*[\d.]+ (MB|kB|B) of 20\.9 MB\s*\d+%/);
		const percent = await progress.locator('progress').getAttribute('value');
		expect(Number(percent)).toBeGreaterThanOrEqual(0);
		expect(Number(percent)).toBeLessThan(100);
		await waitForResults(page);
		// Automatic: WebAssembly first; this machine's WebGL is SwiftShader, software, so never tried.
		expectImagenetResult(await readCards(page), 'en', 'WebAssembly');
		await expect
			.poll(() => page.getByTestId('backend-why').textContent(), { timeout: 60_000 })
			.toMatch(/WebGL here is rendered in software \(.*SwiftShader.*\), never faster than WebAssembly/);
		await expect(page.locator('fieldset.backend .status').textContent()).resolves.toMatch(
			/In use: WebAssembly \(wasm\) · in a background worker/
		);
		// SIMD and threads are for developers: in the collapsed details, not in the reader's path.
		await expect(page.getByTestId('runtime-details').textContent()).resolves.toMatch(
			/WebAssembly backend: SIMD on, \d threads?/
		);
		const cards = await readCards(page);
		expect(cards[0].origin).toContain('timm/efficientnet_b0.ra_in1k from 127.0.0.1');
		expect(cards[1].origin).toContain('20.9 MB');
		await expect(page.locator('figure.chart .desc').textContent()).resolves.toMatch(
			/needs 2\.7× fewer MACs than EfficientNet-B0/
		);
		// Space was reserved: the result cards did not change height when the results arrived.
		const after = await root(page)
			.locator('article.card')
			.evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
		expect(after).toEqual(before);
		expect(modelRequests()).toBe(2);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
	}, 300_000);

	it('loads from the browser cache on the next visit: no download', async () => {
		const requestsBefore = modelRequests();
		await page.reload();
		await waitForRuntime(page);
		await waitForResults(page);
		const cards = await readCards(page);
		expect(cards.every((c) => c.origin.endsWith('from the browser cache'))).toBe(true);
		expect(modelRequests()).toBe(requestsBefore);
	}, 300_000);

	it("the reader's choice of WebGL wins, is remembered, and Automatic goes back to measuring", async () => {
		await page.getByRole('radio', { name: 'WebGL' }).check();
		await expect
			.poll(async () => (await readCards(page)).map((c) => c.backend), { timeout: 180_000 })
			.toEqual(['WebGL', 'WebGL']);
		await waitForResults(page);
		expectImagenetResult(await readCards(page), 'en', 'WebGL');
		await expect(page.getByTestId('backend-why').textContent()).resolves.toMatch(/Your choice, remembered/);
		await page.reload();
		await waitForRuntime(page);
		await expect(page.getByRole('radio', { name: 'WebGL' }).isChecked()).resolves.toBe(true);
		await expect(page.locator('fieldset.backend .status').textContent()).resolves.toMatch(/In use: WebGL/);
		await waitForResults(page);
		await page.getByRole('radio', { name: 'Automatic (measured)' }).check();
		await expect
			.poll(async () => (await readCards(page)).map((c) => c.backend), { timeout: 180_000 })
			.toEqual(['WebAssembly', 'WebAssembly']);
		expect(await page.evaluate(() => localStorage.getItem('egn.backend.v1'))).toBeNull();
	}, 400_000);

	it('keeps tf.memory().numTensors flat over 30 classifications', async () => {
		await waitForResults(page);
		const samples = page.getByRole('list', { name: 'Sample images' }).getByRole('button');
		const count = await samples.count();
		const tensors: number[] = [];
		for (let i = 0; i < 30; i++) {
			const sample = samples.nth((i + 1) % count);
			await sample.click();
			await expect.poll(() => sample.getAttribute('aria-pressed')).toBe('true');
			await waitForResults(page);
			tensors.push(Number(await root(page).getAttribute('data-num-tensors')));
		}
		expect(tensors[0]).toBeGreaterThan(0);
		expect(new Set(tensors)).toEqual(new Set([tensors[0]]));
	}, 600_000);

	it('shows Chinese labels and text on /zh/classify', async () => {
		await page.goto(`${baseURL()}/zh/classify`);
		await waitForRuntime(page);
		await waitForResults(page);
		expectImagenetResult(await readCards(page), 'zh', 'WebAssembly');
		await expect(page.locator('.run-status [role=status]').textContent()).resolves.toBe(
			'正在使用：在 ImageNet-1k 上训练的 timm 检查点。'
		);
		expect((await readCards(page))[0].origin).toContain('读自浏览器缓存');
		await context.close();
	}, 300_000);
});

describe('bad weights: a specific message each, and the page keeps working', () => {
	const cases: { mode: HubMode | 'unreachable'; code: string; message: RegExp }[] = [
		{
			mode: 'missing',
			code: 'not-found',
			message: /The weights file is not at http:\/\/127\.0\.0\.1:\d+\/missing\/timm\/.* \(HTTP 404\)/
		},
		// Served as a complete response of half the size: its header declares more than the response holds.
		{ mode: 'truncated', code: 'exceeds-file', message: /declares more bytes than the file has/ },
		{ mode: 'html', code: 'html-instead-of-weights', message: /sent a web page instead of the weights file/ },
		{
			mode: 'swapped',
			code: 'wrong-model',
			message: /holds the weights of a different network, not (EfficientNet-B0|GhostNet 1\.0×)/
		},
		{ mode: 'unreachable', code: 'cors-or-network', message: /Could not reach 127\.0\.0\.1:\d+/ }
	];

	it.each(cases)(
		'$mode → $code, then a chosen file works',
		async ({ mode, code, message }) => {
			const base = mode === 'unreachable' ? await unreachableBase() : hub.base(mode);
			const { context, page, problems } = await open({ base, backend: 'wasm' });
			await loadImagenet(page);
			const alerts = page.locator('.weights [role="alert"]');
			await expect.poll(() => alerts.count(), { timeout: 60_000 }).toBe(2);
			for (const alert of await alerts.all()) {
				await expect(alert.getAttribute('data-code')).resolves.toBe(code);
				await expect(alert.textContent()).resolves.toMatch(message);
				await expect(alert.getByRole('button', { name: 'Retry' }).count()).resolves.toBe(1);
			}
			// "Choose a file" switches to the file source; the fixture files then load and classify.
			await alerts.first().getByRole('button', { name: 'Choose a file' }).click();
			await page
				.getByLabel('Choose a .safetensors file (EfficientNet-B0)')
				.setInputFiles(fixturePath('efficientnet_b0'));
			await page
				.getByLabel('Choose a .safetensors file (GhostNet 1.0×)')
				.setInputFiles(fixturePath('ghostnet_100'));
			await waitForResults(page);
			const cards = await readCards(page);
			expectImagenetResult(cards, 'en', 'WebAssembly');
			expect(cards[1].origin).toContain('your file ghostnet_100.weights.safetensors');
			const provoked = (text: string) =>
				text.includes(base) || /Failed to load resource|ERR_CONNECTION_REFUSED/.test(text);
			expect(unexpected(problems, provoked)).toEqual({ console: [], failed: [] });
			await context.close();
		},
		300_000
	);
});

describe('reader images: upload, drop, paste, camera, and bad images', () => {
	let context: BrowserContext;
	let page: Page;
	let problems: PageProblems;

	beforeAll(async () => {
		({ context, page, problems } = await open({ base: hub.base('ok'), backend: 'wasm' }));
		await loadImagenet(page);
		await waitForResults(page);
	}, 300_000);
	afterAll(async () => {
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context?.close();
	});

	const problem = () => page.locator('.egn-classifier [data-problem]');
	const chooseImage = (name: string, mimeType: string, buffer: Buffer) =>
		page.getByLabel('Choose an image').setInputFiles({ name, mimeType, buffer });

	it('a broken image gets its message; the next sample classifies and clears it', async () => {
		await chooseImage('broken.jpg', 'image/jpeg', Buffer.from('this is not a JPEG at all'));
		await expect.poll(() => problem().getAttribute('data-problem')).toBe('decode-failed');
		await expect(problem().textContent()).resolves.toMatch(/could not read this image/);
		await page.getByRole('list', { name: 'Sample images' }).getByRole('button').nth(1).click();
		await expect.poll(() => problem().count()).toBe(0);
		await waitForResults(page);
	}, 120_000);

	it('a file that is not an image, one above 40 MB and one above 100 megapixels are refused before decoding', async () => {
		await chooseImage('notes.txt', 'text/plain', Buffer.from('hello'));
		await expect.poll(() => problem().getAttribute('data-problem')).toBe('not-an-image');
		// A PNG whose header announces 20 000 × 20 000 pixels (a small file that would decode to 1.6 GB).
		const header = Buffer.alloc(33);
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
		header.writeUInt32BE(13, 8);
		header.write('IHDR', 12, 'ascii');
		header.writeUInt32BE(20_000, 16);
		header.writeUInt32BE(20_000, 20);
		await chooseImage('vast.png', 'image/png', header);
		await expect.poll(() => problem().getAttribute('data-problem')).toBe('too-many-pixels');
		// Made in the page: sending 41 MB through the test protocol is slow and is not what is tested.
		await page.evaluate(() => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(41 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }));
			const input = document.querySelector('.egn-classifier .picker input[type="file"]') as HTMLInputElement;
			input.files = transfer.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
		await expect.poll(() => problem().getAttribute('data-problem')).toBe('too-large');
	}, 120_000);

	it('a dropped 24-megapixel image is shrunk first and classified', async () => {
		await page.evaluate(async () => {
			const canvas = new OffscreenCanvas(6000, 4000);
			const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
			const gradient = context.createLinearGradient(0, 0, 6000, 4000);
			gradient.addColorStop(0, '#c33');
			gradient.addColorStop(1, '#33c');
			context.fillStyle = gradient;
			context.fillRect(0, 0, 6000, 4000);
			const blob = await canvas.convertToBlob({ type: 'image/png' });
			const transfer = new DataTransfer();
			transfer.items.add(new File([blob], 'big.png', { type: 'image/png' }));
			const stage = document.querySelector('.egn-classifier .stage') as HTMLElement;
			stage.dispatchEvent(
				new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true })
			);
			stage.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
		});
		await expect
			.poll(() => page.locator('.egn-classifier .stage img').getAttribute('alt'), { timeout: 120_000 })
			.toBe('big.png');
		await waitForResults(page);
		expect(await problem().count()).toBe(0);
		expectImagenetResult(await readCards(page), 'en', 'WebAssembly');
	}, 180_000);

	it('samples work from the keyboard: Tab to one, press Enter', async () => {
		const samples = page.getByRole('list', { name: 'Sample images' }).getByRole('button');
		await samples.nth(2).focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		await expect(samples.nth(2).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => samples.nth(2).getAttribute('aria-pressed'), { timeout: 60_000 }).toBe('true');
		await waitForResults(page);
	}, 120_000);

	it('a pasted image is classified', async () => {
		await page.evaluate(async () => {
			const blob = await (await fetch('/samples/coffee.jpg')).blob();
			const transfer = new DataTransfer();
			transfer.items.add(new File([blob], 'pasted.jpg', { type: 'image/jpeg' }));
			window.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
			);
		});
		await expect
			.poll(() => page.locator('.egn-classifier .stage img').getAttribute('alt'), { timeout: 60_000 })
			.toBe('pasted.jpg');
		await waitForResults(page);
	}, 120_000);
});

describe('camera', () => {
	it('a refused permission gets a clear message', async () => {
		const context = await browser.newContext();
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = async () => {
				throw new DOMException('Permission denied', 'NotAllowedError');
			};
		});
		const { page, problems } = await open({ context });
		await page.getByRole('button', { name: 'Use the camera' }).click();
		await expect
			.poll(() => page.locator('[data-problem]').textContent())
			.toMatch(/Camera access was refused/);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	});

	it('a photo from the camera is classified', async () => {
		const context = await browser.newContext();
		await context.addInitScript(
			({ base }) => {
				localStorage.setItem('egn.weightsBase.v1', base);
				localStorage.setItem('egn.backend.v1', 'wasm');
				// A fake camera: a canvas stream with a drawn scene.
				navigator.mediaDevices.getUserMedia = async () => {
					const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 480 });
					const context = canvas.getContext('2d') as CanvasRenderingContext2D;
					const paint = () => {
						context.fillStyle = '#4a7';
						context.fillRect(0, 0, 640, 480);
						context.fillStyle = '#fff';
						context.fillRect(200, 140, 240, 200);
						requestAnimationFrame(paint);
					};
					paint();
					return canvas.captureStream(30);
				};
			},
			{ base: hub.base('ok') }
		);
		const { page, problems } = await open({ context });
		await loadImagenet(page);
		await waitForResults(page);
		await page.getByRole('button', { name: 'Use the camera' }).click();
		const take = page.getByRole('button', { name: 'Take a photo and classify it' });
		await expect.poll(() => take.isEnabled(), { timeout: 30_000 }).toBe(true);
		await take.click();
		await expect.poll(() => page.locator('.egn-classifier .stage img').getAttribute('src')).toMatch(/^blob:/);
		await waitForResults(page);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 300_000);
});

describe('the classifier embedded at the end of an article', () => {
	/** A string only the tfjs bundle contains (a tfjs-core flag name). */
	const TFJS_MARKER = 'TENSORLIKE_CHECK_SHAPE_CONSISTENCY';

	const titles = {
		en: 'Image classifier: EfficientNet and GhostNet side by side',
		zh: '图像分类器：EfficientNet 与 GhostNet 并排运行'
	};

	/** Opens an article, recording whether each script it loads is part of tfjs. */
	async function openArticle(path: string) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const problems = watchProblems(page);
		const scripts: Promise<boolean>[] = [];
		// Scripts of the page and of its worker (which loads tfjs).
		page.on('response', (response) => {
			if (/\.js($|\?)/.test(response.url()))
				scripts.push(
					response.text().then(
						(body) => body.includes(TFJS_MARKER),
						() => false
					)
				);
		});
		await openHydrated(page, `${baseURL()}${path}`);
		const tfjsLoaded = async () => (await Promise.all(scripts)).some(Boolean);
		// The classifier is the article's last deferred figure (its code loads as the reader comes near).
		const box = page.locator('[data-deferred]').last();
		return { context, page, problems, tfjsLoaded, section: page.locator('.egn-classifier'), box };
	}

	it.each(['en', 'zh'] as const)(
		'/%s/efficientnet: neither the classifier nor tfjs loads with the article; both load when the reader comes to it',
		async (lang) => {
			const { context, page, problems, tfjsLoaded, section, box } = await openArticle(
				`/${lang}/efficientnet`
			);
			expect(await box.getAttribute('data-deferred')).toBe('waiting');
			expect(await section.count()).toBe(0);
			await expect(tfjsLoaded()).resolves.toBe(false);
			await box.scrollIntoViewIfNeeded();
			await expect
				.poll(() => page.getByRole('region', { name: titles[lang] }).count(), { timeout: 60_000 })
				.toBe(1);
			await expect.poll(() => section.getAttribute('data-runtime'), { timeout: 120_000 }).toBe('ready');
			await expect(tfjsLoaded()).resolves.toBe(true);
			expect(unexpected(problems)).toEqual({ console: [], failed: [] });
			await context.close();
		},
		180_000
	);

	// The GhostNet article has other live parts that use the same tfjs session; this checks the
	// classifier is at the end and running once reached, not when those parts start tfjs.
	it.each(['en', 'zh'] as const)(
		'/%s/ghostnet: the classifier is at the end and runs once reached',
		async (lang) => {
			const { context, page, problems, section, box } = await openArticle(`/${lang}/ghostnet`);
			const references = page.getByRole('heading', { name: lang === 'en' ? 'References' : '参考' });
			const [boxTop, referencesTop] = await Promise.all(
				[box, references].map((l) => l.evaluate((el) => el.getBoundingClientRect().top))
			);
			expect(boxTop).toBeLessThan(referencesTop);
			await box.scrollIntoViewIfNeeded();
			await expect
				.poll(() => page.getByRole('region', { name: titles[lang] }).count(), { timeout: 60_000 })
				.toBe(1);
			await expect.poll(() => section.getAttribute('data-runtime'), { timeout: 120_000 }).toBe('ready');
			expect(unexpected(problems)).toEqual({ console: [], failed: [] });
			await context.close();
		},
		180_000
	);
});

describe('backend fallback', () => {
	/** A page whose reader chose WebGL, with the runtime's test settings (src/lib/live/settings.ts). */
	async function chosenWebgl(settings: Record<string, string>) {
		const context = await browser.newContext();
		await context.addInitScript(
			({ base, settings }) => {
				localStorage.setItem('egn.weightsBase.v1', base);
				localStorage.setItem('egn.backend.v1', 'webgl');
				for (const [key, value] of Object.entries(settings)) localStorage.setItem(key, value);
			},
			{ base: hub.base('ok'), settings }
		);
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${baseURL()}/en/classify`);
		await waitForRuntime(page);
		return { context, page, problems };
	}

	it('without WebGL, the WebGL choice falls back to wasm with a notice and still classifies', async () => {
		const { context, page, problems } = await chosenWebgl({ 'egn.gpuTest.v1': '{"webgl": false}' });
		await expect(page.locator('fieldset.backend .fallback').textContent()).resolves.toMatch(
			/WebGL is not available here, so the networks run on WebAssembly \(wasm\) instead\./
		);
		await loadImagenet(page);
		await waitForResults(page);
		expectImagenetResult(await readCards(page), 'en', 'WebAssembly');
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 300_000);

	it('a lost WebGL context moves the networks to wasm, says so, and classifying goes on', async () => {
		const { context, page } = await chosenWebgl({ 'egn.devtools.v1': 'on' });
		await loadImagenet(page);
		await waitForResults(page);
		expectImagenetResult(await readCards(page), 'en', 'WebGL');
		// The context lives in the runtime's worker; the developer tools lose it there.
		await page.evaluate(() =>
			(
				window as unknown as { egnDevtools: { loseWebglContext(): Promise<void> } }
			).egnDevtools.loseWebglContext()
		);
		await expect
			.poll(() => page.locator('fieldset.backend .fallback').textContent(), { timeout: 60_000 })
			.toMatch(/The WebGL context was lost .*, so the networks run on WebAssembly \(wasm\) instead\./);
		await page.getByRole('list', { name: 'Sample images' }).getByRole('button').nth(2).click();
		await expect
			.poll(async () => (await readCards(page)).map((c) => c.backend), { timeout: 120_000 })
			.toEqual(['WebAssembly', 'WebAssembly']);
		await waitForResults(page);
		expectImagenetResult(await readCards(page), 'en', 'WebAssembly');
		await context.close();
	}, 300_000);
});
