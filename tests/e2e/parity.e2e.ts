/**
 * The browser computes what Node computes: the site's networks, loaded through the real weight
 * manager from a local hub mirror (the timm fixture checkpoints), run on a given input tensor in
 * Chromium (through the developer hook `egnDevtools.logits`, src/lib/state/devtools.ts) on WebGL and
 * on wasm; the same tensor goes through the Node parity run (scripts/parity.ts: our networks on the
 * tfjs CPU backend, which matches timm's logits to ~1e-7). Logits must agree within 1e-4 and the last
 * feature map within 1e-3 of its largest value (the parity run's tolerances). With the random fixture
 * weights the logits depend little on the input, so the feature map is what shows the input was used.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/lib/nets/build';
import { readSafetensors } from '../../src/lib/nets/weights/safetensors';
import { specFromMetadata } from '../../scripts/parity';
import { baseURL, launch, watchProblems } from './browser';
import { fixturePath, startHubServer, type HubServer } from './hub-server';

const TOLERANCE = 1e-4;
const MODELS = [
	{ id: 'efficientnet_b0.ra_in1k', stem: 'efficientnet_b0' },
	{ id: 'ghostnet_100.in1k', stem: 'ghostnet_100' }
] as const;

interface Case {
	id: string;
	/** The fixture input, NHWC. */
	input: Float32Array;
	/** Our network on tfjs CPU in Node (the parity run) for that input. */
	nodeLogits: Float32Array;
	/** …and its last feature map, NHWC. */
	nodeFeatures: Float32Array;
	/** timm's logits for that input. */
	timmLogits: Float32Array;
}

let browser: Browser;
let hub: HubServer;
const cases: Case[] = [];

function nodeParityRun(stem: string, input: Float32Array, size: number) {
	const weights = readSafetensors(readFileSync(fixturePath(stem)));
	const net = loadNetwork(specFromMetadata(weights.metadata), weights);
	try {
		return tf.tidy(() => {
			const out = net.infer(tf.tensor4d(input, [1, size, size, 3]), { taps: ['features'] });
			return {
				nodeLogits: out.logits.dataSync() as Float32Array,
				nodeFeatures: out.taps.features.dataSync() as Float32Array
			};
		});
	} finally {
		net.dispose();
	}
}

function fixtureIo(stem: string) {
	const io = readSafetensors(readFileSync(fixturePath(stem).replace('.weights.', '.io.')));
	const input = io.tensors.get('input')!;
	const [, c, h, w] = input.shape;
	const nchw = input.values as Float32Array;
	const nhwc = new Float32Array(nchw.length);
	for (let ch = 0; ch < c; ch++)
		for (let y = 0; y < h; y++)
			for (let x = 0; x < w; x++) nhwc[(y * w + x) * c + ch] = nchw[(ch * h + y) * w + x];
	return { input: nhwc, size: h, logits: io.tensors.get('logits')!.values as Float32Array };
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
	return worst;
};

beforeAll(async () => {
	await tf.setBackend('cpu');
	await tf.ready();
	for (const { id, stem } of MODELS) {
		const io = fixtureIo(stem);
		cases.push({ id, input: io.input, timmLogits: io.logits, ...nodeParityRun(stem, io.input, io.size) });
	}
	[browser, hub] = await Promise.all([launch(), startHubServer()]);
});
afterAll(async () => {
	await browser?.close();
	await hub?.close();
});

async function openWithImagenet(
	backend: 'webgl' | 'wasm'
): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext();
	await context.addInitScript(
		({ base, backend }) => {
			localStorage.setItem('egn.weightsBase.v1', base);
			localStorage.setItem('egn.backend.v1', backend);
			localStorage.setItem('egn.devtools.v1', 'on');
		},
		{ base: hub.base('ok'), backend }
	);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.goto(`${baseURL()}/en/classify`);
	await page.waitForFunction(
		() => document.querySelector('.egn-classifier')?.getAttribute('data-runtime') === 'ready'
	);
	await page.locator('details.weights-panel > summary').click();
	await page.getByRole('button', { name: 'Load the ImageNet weights' }).click();
	await page.waitForFunction(
		() => {
			const section = document.querySelector('.egn-classifier');
			return (
				section?.getAttribute('data-result-dataset') === 'imagenet' &&
				section.getAttribute('aria-busy') === 'false'
			);
		},
		undefined,
		{ timeout: 240_000 }
	);
	return {
		page,
		close: async () => {
			expect(problems).toEqual({ console: [], failed: [] });
			await context.close();
		}
	};
}

const maxAbs = (xs: ArrayLike<number>) => {
	let m = 0;
	for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]));
	return m;
};

interface BrowserResult {
	logits: number[];
	taps: Record<string, { shape: number[]; values: number[] }>;
	backend: string;
}

/** The page's network (shared session, active backend) on `input` via the developer hook. */
function browserRun(page: Page, id: string, input: Float32Array): Promise<BrowserResult> {
	return page.evaluate(
		({ id, input }) =>
			(
				window as unknown as {
					egnDevtools: { logits(id: string, input: number[], taps: string[]): Promise<BrowserResult> };
				}
			).egnDevtools.logits(id, input, ['features']),
		{ id, input: Array.from(input) }
	);
}

describe('in-browser logits for a given input tensor match the Node parity run', () => {
	it('the Node parity run itself matches timm (sanity check of the reference)', () => {
		for (const c of cases) expect(maxAbsDiff(c.nodeLogits, c.timmLogits)).toBeLessThan(TOLERANCE);
	});

	for (const backend of ['webgl', 'wasm'] as const) {
		it(`on ${backend}: EfficientNet-B0 and GhostNet 1.0× with the hub checkpoints`, async () => {
			const { page, close } = await openWithImagenet(backend);
			for (const c of cases) {
				const result = await browserRun(page, c.id, c.input);
				expect(result.backend).toBe(backend);
				expect(result.logits).toHaveLength(1000);
				const logitsDiff = maxAbsDiff(result.logits, c.nodeLogits);
				const features = result.taps.features.values;
				const featuresTolerance = 1e-3 * maxAbs(c.nodeFeatures);
				const featuresDiff = maxAbsDiff(features, c.nodeFeatures);
				console.log(
					`${backend} ${c.id}: max |browser − Node| logits ${logitsDiff.toExponential(2)}, ` +
						`features ${featuresDiff.toExponential(2)} (tolerance ${featuresTolerance.toExponential(2)})`
				);
				expect(logitsDiff).toBeLessThan(TOLERANCE);
				expect(featuresDiff).toBeLessThan(featuresTolerance);
				// Another input gives another feature map: the hook runs the network on what it is given.
				const negated = await browserRun(
					page,
					c.id,
					c.input.map((v) => -v)
				);
				expect(maxAbsDiff(negated.taps.features.values, c.nodeFeatures)).toBeGreaterThan(
					10 * featuresTolerance
				);
			}
			await close();
		}, 400_000);
	}
});
