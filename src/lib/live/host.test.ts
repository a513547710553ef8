/**
 * The live runtime's host, for real, in Node: tfjs on the CPU backend (the reader's choice) or on a
 * stand-in for WebGL (the CPU kernels registered under the name 'webgl'), weights from files, the
 * small timm fixtures. The messages go through the same protocol as in the browser.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { getKernelsForBackend, registerBackend, registerKernel } from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ghostnet, imagenetEvalConfig, readSafetensors } from '$lib/nets';
import { ghostModuleChoices } from './compute/ghost-modules';
import { jpegHeader } from './images/test-files';
import { LiveHost } from './host';
import type { BackendState, FromHost, HostEvent, Request, ResultOf, StartSettings } from './protocol';

// Neither real backend starts in Node: without wasm the host falls back to the CPU (as a browser
// without WebAssembly would), and the stand-in below takes WebGL's name.
vi.mock('@tensorflow/tfjs-backend-webgl', () => ({}));
vi.mock('@tensorflow/tfjs-backend-wasm', () => ({
	setWasmPaths: () => {},
	setThreadsCount: () => {},
	getThreadsCount: () => 1
}));

const spec = ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
const weights = () =>
	new Blob([readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors') as BlobPart]);

/** The fixture's input (NCHW in the file) as NHWC, and timm's logits for it. */
function fixture() {
	const io = readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.io.safetensors'));
	const input = io.tensors.get('input')!;
	const [, c, h, w] = input.shape;
	const nhwc = new Float32Array(input.values.length);
	for (let ch = 0; ch < c; ch++)
		for (let y = 0; y < h; y++)
			for (let x = 0; x < w; x++) nhwc[(y * w + x) * c + ch] = input.values[(ch * h + y) * w + x] as number;
	return { nhwc, logits: Array.from(io.tensors.get('logits')!.values as Float32Array) };
}

/** Pixels in memory, as readPixels takes them (Node has no ImageData of its own). */
class FakeImageData {
	constructor(
		readonly data: Uint8ClampedArray,
		readonly width: number,
		readonly height: number
	) {}
}

function image(seed: number) {
	const data = Uint8ClampedArray.from({ length: 80 * 60 * 4 }, (_, i) => (i * seed + (i >> 7)) % 256);
	return { key: `image-${seed}`, source: new FakeImageData(data, 80, 60) as unknown as ImageData };
}

/** A host and a way to talk to it: request(...) resolves to the value, or rejects with the error. */
function connect(probe?: () => { available: boolean; renderer: string | null }) {
	const events: HostEvent[] = [];
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
	let next = 1;
	const host = new LiveHost(
		(message: FromHost) => {
			if ('event' in message) return void events.push(message.event);
			if (!('id' in message) || 'progress' in message) return;
			const entry = pending.get(message.id)!;
			pending.delete(message.id);
			if (message.ok) entry.resolve(message.value);
			else entry.reject(Object.assign(new Error(message.error.message), message.error));
		},
		'main',
		probe
	);
	const request = <R extends Request>(r: R) =>
		new Promise<ResultOf<R['type']>>((resolve, reject) => {
			const id = next++;
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			host.receive({ id, request: r });
		});
	return { host, request, events };
}

async function started(
	settings: StartSettings,
	probe?: () => { available: boolean; renderer: string | null }
) {
	const link = connect(probe);
	const state = await link.request({ type: 'start', settings });
	await link.request({ type: 'load', modelId: 'ghost', spec, source: { kind: 'file', file: weights() } });
	return { ...link, state };
}

const preprocess = { ...imagenetEvalConfig(64, 0.875), padSmaller: false };

beforeAll(() => {
	globalThis.ImageData ??= FakeImageData as unknown as typeof ImageData;
	registerBackend('webgl', () => new MathBackendCPU(), 0);
	for (const kernel of getKernelsForBackend('cpu')) registerKernel({ ...kernel, backendName: 'webgl' });
});
afterEach(() => vi.useRealTimers());

describe('the host, on the reader-chosen CPU backend', () => {
	it('starts where it is asked, loads a checkpoint file and computes the logits timm computes', async () => {
		const { state, request } = await started({ choice: 'cpu' });
		expect(state).toMatchObject({
			thread: 'main',
			choice: 'cpu',
			info: { active: 'cpu' },
			gpu: { phase: 'not-needed' }
		});
		const { nhwc, logits } = fixture();
		const result = await request({ type: 'logits', modelId: 'ghost', input: nhwc, taps: ['features'] });
		expect(result.backend).toBe('cpu');
		expect(Math.max(...Array.from(result.logits, (v, i) => Math.abs(v - logits[i])))).toBeLessThan(1e-4);
		expect(result.taps.features.shape).toEqual([1, 2, 2, 960 / 4]);
		await expect(request({ type: 'logits', modelId: 'ghost', input: new Float32Array(3) })).rejects.toThrow(
			/takes 1 × 64 × 64 × 3/
		);
		await expect(request({ type: 'logits', modelId: 'nope', input: nhwc })).rejects.toThrow(/not loaded/);
	});

	it('classifies, draws Ghost maps, finds redundant maps and profiles a pass, leaving the tensor count where it was', async () => {
		const { request } = await started({ choice: 'cpu' });
		const module = ghostModuleChoices(spec)[1];
		const stops = { negative: [0, 0, 255], zero: [255, 255, 255], positive: [255, 0, 0] } as const;
		const once = async (seed: number) => {
			const classified = await request({
				type: 'classify',
				modelIds: ['ghost'],
				image: image(seed),
				preprocess,
				timing: { warmup: 0, runs: 2 }
			});
			expect(classified.runs[0].top).toHaveLength(5);
			expect(classified.runs[0].samplesMs).toHaveLength(2);
			expect(classified.preview.pixels).toHaveLength(64 * 64 * 3);
			const atlas = await request({
				type: 'module-atlas',
				modelId: 'ghost',
				image: image(seed),
				preprocess,
				module,
				stops
			});
			expect(atlas.atlas.pixels.length).toBe(atlas.grid.width * atlas.grid.height * 4);
			const found = await request({
				type: 'redundancy',
				modelId: 'ghost',
				image: image(seed),
				preprocess,
				stops
			});
			expect(found.redundancy.pairs).toHaveLength(3);
			const profile = await request({ type: 'profile', modelId: 'ghost', runs: 2 });
			expect(profile).toMatchObject({ backend: 'cpu', runs: 2, timed: true });
			expect(profile.kernelMs).toBeGreaterThan(0);
		};
		await once(3);
		const before = tf.memory().numTensors;
		for (const seed of [5, 7, 11]) await once(seed);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('says what went wrong with bad weights, and keeps the network it had', async () => {
		const { request } = await started({ choice: 'cpu' });
		const other = ghostnet({ width: 0.5, resolution: 64, numClasses: 10 });
		const load = (source: Extract<Request, { type: 'load' }>['source'], s = spec) =>
			request({ type: 'load', modelId: 'ghost', spec: s, source });
		await expect(load({ kind: 'file', file: weights() }, other)).rejects.toMatchObject({
			name: 'WeightsError',
			code: 'wrong-model'
		});
		const truncated = new Blob([
			readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors').subarray(0, 5000)
		]);
		// A local file's size is known: its header declares more bytes than the cut file has.
		await expect(load({ kind: 'file', file: truncated })).rejects.toMatchObject({ code: 'exceeds-file' });
		const { nhwc } = fixture();
		expect((await request({ type: 'logits', modelId: 'ghost', input: nhwc })).logits).toHaveLength(10);
	});
});

describe('image files in the host', () => {
	it('refuses an image announcing too many pixels before decoding it, whichever part sent it', async () => {
		const { request } = connect();
		const far = new Blob([jpegHeader(16000, 16000, 320 * 1024) as BlobPart], { type: 'image/jpeg' });
		const image = { key: 'huge', source: far };
		await expect(request({ type: 'prepare', image, preprocess })).rejects.toMatchObject({
			name: 'ImageReadError',
			code: 'too-many-pixels'
		});
	});
});

describe('the automatic backend policy', () => {
	const gpu = (renderer: string) => () => ({ available: true, renderer });

	/** Starts automatically, runs once, and waits for the policy's verdict on WebGL. */
	async function verdict(renderer: string, speedup?: number) {
		const link = await started({ choice: null, gpuTest: speedup ? { speedup } : null }, gpu(renderer));
		expect(['wasm', 'cpu']).toContain(link.state.info.active);
		await link.request({
			type: 'classify',
			modelIds: ['ghost'],
			image: image(2),
			preprocess,
			timing: { warmup: 0, runs: 1 }
		});
		const settled = async (): Promise<BackendState> => {
			for (let i = 0; i < 200; i++) {
				const last = link.events.at(-1)?.state;
				if (last && last.gpu.phase !== 'compiling' && last.gpu.phase !== 'waiting') return last;
				await new Promise((r) => setTimeout(r, 25));
			}
			throw new Error(`no verdict: ${JSON.stringify(link.events.at(-1))}`);
		};
		return { ...link, final: await settled() };
	}

	it('never tries a software renderer', async () => {
		const { final } = await verdict(
			'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'
		);
		expect(final.gpu).toEqual({
			phase: 'software',
			renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'
		});
		expect(final.info.active).not.toBe('webgl');
	});

	it('stays where it is when WebGL measures slower', async () => {
		const { final, request } = await verdict('Test GPU', 0.5);
		expect(final.gpu).toMatchObject({
			phase: 'measured',
			renderer: 'Test GPU',
			modelId: 'ghost',
			webglWins: false
		});
		if (final.gpu.phase !== 'measured') throw new Error('measured');
		expect(final.gpu.webglMs).toBeCloseTo(final.gpu.currentMs * 2, 6);
		expect(final.info.active).not.toBe('webgl');
		const again = await request({
			type: 'classify',
			modelIds: ['ghost'],
			image: image(4),
			preprocess,
			timing: { warmup: 0, runs: 1 }
		});
		expect(again.backend).toBe(final.info.active);
	});

	it('switches to WebGL when it measures faster, and the networks run there', async () => {
		const { final, request } = await verdict('Test GPU', 2);
		expect(final.gpu).toMatchObject({ phase: 'measured', webglWins: true });
		expect(final.info).toMatchObject({ requested: 'webgl', active: 'webgl' });
		const again = await request({
			type: 'classify',
			modelIds: ['ghost'],
			image: image(4),
			preprocess,
			timing: { warmup: 0, runs: 1 }
		});
		expect(again.backend).toBe('webgl');
		const { nhwc, logits } = fixture();
		const result = await request({ type: 'logits', modelId: 'ghost', input: nhwc });
		expect(Math.max(...Array.from(result.logits, (v, i) => Math.abs(v - logits[i])))).toBeLessThan(1e-4);
	});

	it("the reader's choice wins: nothing is measured, and automatic measures again", async () => {
		const { request } = await started({ choice: null }, gpu('Test GPU'));
		const chosen = await request({ type: 'set-backend', choice: 'cpu' });
		expect(chosen).toMatchObject({ choice: 'cpu', info: { active: 'cpu' }, gpu: { phase: 'not-needed' } });
		const automatic = await request({ type: 'set-backend', choice: null });
		expect(automatic.choice).toBeNull();
	});
});
