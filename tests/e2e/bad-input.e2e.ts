/**
 * Bad input, page by page (issue 17), on the production build with no network: weight files made on
 * the fly (tests/e2e/bad-files.ts) given as local files or served by the local hub stand-in
 * (hub-server.ts: NaN weights, a 3 GB declared counter, a wrong published SHA-256, a server that
 * stalls), images that announce too many pixels far into the file, SVG, a multi-file drop, an image
 * with no type or name, and URL values no note may repeat. Each case must end in its own message.
 * Downloads give up after the `egn.stallTimeout.v1` test hook's 2 s instead of 30 s.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegHeader } from '../../src/lib/live/images/test-files';
import { oneTensor, safetensorsBytes } from './bad-files';
import { baseURL, launch, watchProblems, type PageProblems } from './browser';
import { startHubServer, type HubMode, type HubServer } from './hub-server';

let browser: Browser;
let hub: HubServer;

beforeAll(async () => {
	[browser, hub] = await Promise.all([launch(), startHubServer()]);
});
afterAll(async () => {
	await Promise.all([browser?.close(), hub?.close()]);
});

const STALL_MS = 2000;

async function open(path: string, base: string | null = null) {
	const context: BrowserContext = await browser.newContext();
	await context.addInitScript(
		({ base, stall }) => {
			if (base && !localStorage.getItem('egn.weightsBase.v1'))
				localStorage.setItem('egn.weightsBase.v1', base);
			localStorage.setItem('egn.stallTimeout.v1', stall);
			localStorage.setItem('egn.backend.v1', 'wasm');
		},
		{ base, stall: String(STALL_MS) }
	);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.goto(`${baseURL()}${path}`);
	return { context, page, problems };
}

/** Console errors and failed requests, minus those provoked on purpose (the hub's bad URLs). */
function unexpected(problems: PageProblems) {
	const provoked = (text: string) => text.includes('127.0.0.1') && !text.startsWith(baseURL());
	return {
		console: problems.console.filter((t) => !provoked(t) && !/Failed to load resource/.test(t)),
		failed: problems.failed.filter((t) => !provoked(t))
	};
}

const classifier = (page: Page) => page.locator('.egn-classifier');

async function waitForImagenet(page: Page) {
	await page.waitForFunction(
		() => {
			const section = document.querySelector('.egn-classifier');
			if (section?.getAttribute('data-result-dataset') !== 'imagenet') return false;
			if (section.getAttribute('aria-busy') !== 'false') return false;
			return [...section.querySelectorAll('article.card')].every(
				(c) => c.getAttribute('data-top-index') !== ''
			);
		},
		undefined,
		{ timeout: 300_000 }
	);
}

describe('bad weight files on /en/classify', () => {
	let context: BrowserContext;
	let page: Page;
	let problems: PageProblems;
	const alerts = () => page.locator('.weights [role="alert"]');
	/** Both rows end in `code`; returns their messages. */
	async function bothFail(code: string): Promise<string[]> {
		await expect
			.poll(
				async () => (await alerts().evaluateAll((as) => as.map((a) => a.getAttribute('data-code')))).join(),
				{
					timeout: 120_000
				}
			)
			.toBe(`${code},${code}`);
		return alerts().evaluateAll((as) => as.map((a) => a.querySelector('p')?.textContent ?? ''));
	}
	async function fromHub(mode: HubMode) {
		await page.evaluate((base) => localStorage.setItem('egn.weightsBase.v1', base), hub.base(mode));
		await classifier(page).getByLabel('Hugging Face hub').check();
		await page.getByRole('button', { name: 'Load the ImageNet weights' }).click();
	}

	beforeAll(async () => {
		({ context, page, problems } = await open('/en/classify', hub.base('ok')));
		const panel = classifier(page).locator('details.weights-panel');
		if ((await panel.getAttribute('open')) === null) await panel.locator(':scope > summary').click();
	}, 180_000);
	afterAll(async () => {
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context?.close();
	});

	it('local files: F64 and I8 are a dtype we do not read, {} holds no tensors, a 3 GB declared tensor exceeds the file', async () => {
		await classifier(page).getByLabel('A .safetensors file on this computer').check();
		const pick = async (buffer: Buffer, name: string) => {
			await page
				.getByLabel('Choose a .safetensors file (EfficientNet-B0)')
				.setInputFiles({ name, mimeType: '', buffer });
			await page
				.getByLabel('Choose a .safetensors file (GhostNet 1.0×)')
				.setInputFiles({ name, mimeType: '', buffer });
		};
		await pick(oneTensor('F64', 8), 'f64.safetensors');
		expect((await bothFail('unsupported-dtype'))[0]).toMatch(/number type this page does not read/);
		await pick(oneTensor('I8', 1), 'i8.safetensors');
		await bothFail('unsupported-dtype');
		await pick(safetensorsBytes({}), 'empty.safetensors');
		expect((await bothFail('no-tensors'))[0]).toMatch(/holds no tensors/);
		const huge = {
			'bn1.num_batches_tracked': { dtype: 'I64', shape: [375_000_000], data_offsets: [0, 3e9] }
		};
		await pick(safetensorsBytes(huge), 'huge.safetensors');
		expect((await bothFail('exceeds-file'))[0]).toMatch(/declares more bytes than the file has/);
	}, 180_000);

	it('from the hub: NaN weights, a 3 GB declared counter, a wrong published SHA-256', async () => {
		await fromHub('nan');
		expect((await bothFail('non-finite'))[0]).toMatch(/not numbers \(NaN or infinite\)/);
		await fromHub('counter');
		await bothFail('exceeds-file');
		await fromHub('bad-hash');
		expect((await bothFail('hash-mismatch'))[0]).toMatch(/SHA-256/);
		expect(await classifier(page).getAttribute('data-dataset')).toBe('fmnist');
	}, 300_000);

	it('a server that stalls (no bytes after 1 MB, or no headers) gives up with a retry that works', async () => {
		await fromHub('stall-body');
		expect((await bothFail('stalled'))[0]).toMatch(/nothing arrived for 30 seconds/);
		await fromHub('stall-headers');
		await bothFail('stalled');
		// Both at once: a row's alert goes away as its retry starts.
		await alerts()
			.getByRole('button', { name: 'Retry' })
			.evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
		await waitForImagenet(page);
		expect(await alerts().count()).toBe(0);
		const percents = await classifier(page).locator('article.card td.value').allTextContents();
		expect(percents.length).toBe(10);
		expect(percents.join(' ')).not.toMatch(/NaN/);
	}, 300_000);
});

describe('the weights cache', () => {
	it('records a SHA-256 beside each entry and downloads again when the cached bytes changed', async () => {
		const { context, page, problems } = await open('/en/classify', hub.base('ok'));
		const panel = classifier(page).locator('details.weights-panel');
		if ((await panel.getAttribute('open')) === null) await panel.locator(':scope > summary').click();
		await page.getByRole('button', { name: 'Load the ImageNet weights' }).click();
		await waitForImagenet(page);
		const before = hub.requests.filter((r) => r.startsWith('ok/')).length;
		const hashes = await page.evaluate(async () => {
			const cache = await caches.open('egn-weights-v2');
			const out: string[] = [];
			for (const request of await cache.keys()) {
				const response = (await cache.match(request))!;
				out.push(response.headers.get('x-egn-sha256') ?? '');
				// One bit flipped on disk: the same size, a file that would still parse.
				const bytes = new Uint8Array(await response.arrayBuffer());
				bytes[bytes.length - 1] ^= 1;
				await cache.put(request, new Response(bytes, { headers: response.headers }));
			}
			return out;
		});
		expect(hashes).toHaveLength(2);
		for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
		await page.reload();
		await waitForImagenet(page);
		expect(hub.requests.filter((r) => r.startsWith('ok/')).length).toBe(before + 2);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 400_000);
});

/** A JPEG whose frame header, announcing 16 000 × 16 000, follows 320 KiB of APP2 segments. */
const farJpeg = Buffer.from(jpegHeader(16000, 16000, 320 * 1024));

describe('images', () => {
	it('/en/classify: too many pixels far into a JPEG, SVG, no type or name, a multi-file drop', async () => {
		const { context, page, problems } = await open('/en/classify');
		// The first result first: a pick made while the bundled set is still activating is replaced by
		// the set's first sample (the controller's "newer request wins").
		await expect
			.poll(() => classifier(page).getAttribute('data-result-dataset'), { timeout: 240_000 })
			.toBe('fmnist');
		const problem = classifier(page).locator('[data-problem]');
		const choose = (name: string, mimeType: string, buffer: Buffer) =>
			classifier(page).getByLabel('Choose an image').setInputFiles({ name, mimeType, buffer });
		await choose('far.jpg', 'image/jpeg', farJpeg);
		await expect.poll(() => problem.getAttribute('data-problem')).toBe('too-many-pixels');
		expect(await problem.textContent()).toMatch(/more than 100 megapixels/);
		expect(await classifier(page).locator('input[type="file"]').getAttribute('accept')).not.toMatch(/svg|\*/);
		await choose('logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
		await expect.poll(() => problem.getAttribute('data-problem')).toBe('svg-unsupported');
		expect(await problem.textContent()).toMatch(/SVG drawings cannot be used here/);
		const png = readFileSync('static/samples/fmnist/t10k-00001.png');
		await choose('scan', '', png);
		const shown = async () =>
			(await problem.count())
				? await problem.getAttribute('data-problem')
				: await classifier(page).locator('.stage img').getAttribute('alt');
		await expect.poll(shown, { timeout: 120_000 }).toBe('scan');
		await expect.poll(() => problem.count()).toBe(0);
		await page.evaluate(
			async (bytes) => {
				const transfer = new DataTransfer();
				transfer.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
				transfer.items.add(new File([new Uint8Array(bytes)], 'second.png', { type: 'image/png' }));
				const stage = document.querySelector('.egn-classifier .stage') as HTMLElement;
				stage.dispatchEvent(
					new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
				);
			},
			[...readFileSync('static/samples/fmnist/t10k-00002.png')]
		);
		await expect
			.poll(() => classifier(page).locator('.stage img').getAttribute('alt'), { timeout: 120_000 })
			.toBe('second.png');
		expect(await problem.count()).toBe(0);
		expect(unexpected(problems)).toEqual({ console: [], failed: [] });
		await context.close();
	}, 300_000);

	it.each([
		['en', 'Choose an image', /more than 100 megapixels/],
		['zh', '选择图片', /超过 100 百万像素/]
	])(
		'/%s/ghostnet: the Ghost lab picker refuses too many pixels far into a JPEG',
		async (lang, label, message) => {
			const { context, page, problems } = await open(`/${lang}/ghostnet`);
			const part = page.getByTestId('live-feature-maps');
			await part.scrollIntoViewIfNeeded();
			// The part is hydrated and started once its samples are buttons (before that, a file set on
			// the prerendered input reaches no handler).
			await part.locator('button.sample').first().waitFor({ timeout: 120_000 });
			await part
				.getByLabel(label)
				.setInputFiles({ name: 'far.jpg', mimeType: 'image/jpeg', buffer: farJpeg });
			const problem = part.locator('[data-problem]');
			await expect
				.poll(() => problem.getAttribute('data-problem'), { timeout: 60_000 })
				.toBe('too-many-pixels');
			expect(await problem.textContent()).toMatch(message);
			expect(unexpected(problems)).toEqual({ console: [], failed: [] });
			await context.close();
		},
		300_000
	);
});

describe('URL notes', () => {
	const sentence = 'Your session expired. Call +1 555 0100 to restore access';
	it.each(['en', 'zh'])(
		'/%s/efficientnet: long values are cut, sentences never repeated',
		async (lang) => {
			const { context, page, problems } = await open(
				`/${lang}/efficientnet?variant=${encodeURIComponent(sentence)}&phi=1.25${'0'.repeat(4000)}`
			);
			const notes = page.getByTestId('url-notes');
			await expect.poll(() => notes.count(), { timeout: 60_000 }).toBe(1);
			const text = (await notes.textContent()) ?? '';
			expect(text).not.toMatch(/session|555/);
			// 24 characters at most: 23 of the value and an ellipsis.
			expect(text).toContain(`φ = 1.25${'0'.repeat(19)}…`);
			expect(text.length).toBeLessThan(400);
			expect(unexpected(problems)).toEqual({ console: [], failed: [] });
			await context.close();
		},
		120_000
	);
});
