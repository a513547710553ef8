// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Classification } from '$lib/live/protocol';
import { fakeSession } from '$lib/live/testing';
import { ClassifierController } from './controller.svelte';

const manifests: Record<string, unknown> = {
	'/samples/fmnist/samples.json': { samples: [{ file: 'f0.png', label: 3 }] },
	'/samples/samples.json': { samples: [{ id: 'cat', file: 'cat.jpg', caption: { en: 'cat', zh: '猫' } }] }
};

beforeEach(() => {
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) => (url in manifests ? Response.json(manifests[url]) : new Response(url)))
	);
	URL.createObjectURL = vi.fn(() => 'blob:x');
	URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

async function setup() {
	const fake = fakeSession();
	await fake.session.start();
	const controller = new ClassifierController(fake.session, { warmup: 1, runs: 3 });
	return { ...fake, controller };
}

describe('ClassifierController', () => {
	it('keeps a problem the reader met while the first sample was being classified', async () => {
		const { handlers, controller } = await setup();
		const real = handlers.classify.getMockImplementation()!;
		let finish = () => {};
		handlers.classify.mockImplementationOnce(
			(request) => new Promise((resolve) => (finish = () => resolve(real(request))))
		);
		const shown = controller.show('fmnist', () => 'sample');
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(1));
		// The reader tries the camera and is refused while the first sample is still running.
		controller.problem = 'camera-denied';
		finish();
		await shown;
		await vi.waitFor(() => expect(controller.answer).not.toBeNull());
		expect(controller.problem).toBe('camera-denied');
	});

	it('keeps a problem the reader met before the first sample was classified; their own next choice clears it', async () => {
		const { controller } = await setup();
		// Refused before the page had started its first run (the runtime was ready, the samples not yet).
		controller.problem = 'camera-denied';
		await controller.show('fmnist', () => 'sample');
		expect(controller.answer).not.toBeNull();
		expect(controller.problem).toBe('camera-denied');
		await controller.rerun();
		expect(controller.problem).toBe('camera-denied');
		const [sample] = await controller.loadSamples('fmnist');
		await controller.pick({ kind: 'sample', sample, dataset: 'fmnist', alt: 'sample' });
		expect(controller.problem).toBeNull();
	});

	it('drops a run for the previous model set the moment the set changes', async () => {
		const { session, handlers, controller } = await setup();
		let finishOld: (value: Classification) => void = () => {};
		handlers.classify.mockImplementationOnce(() => new Promise((resolve) => (finishOld = resolve)));
		const first = controller.show('fmnist', () => 'sample');
		await vi.waitFor(() => expect(handlers.classify).toHaveBeenCalledTimes(1));
		// ImageNet weights arrive while the Fashion-MNIST run is still going.
		for (const model of session.imagenet.models)
			await session.loadFile(model.id, new File(['w'], `${model.id}.st`));
		expect(session.active).toBe('imagenet');
		const second = controller.show('imagenet', (s) => s.caption?.en ?? '');
		expect(controller.busy).toBe(true);
		finishOld({ runs: [], preview: { pixels: new Uint8Array(3), size: 1 }, backend: 'cpu' });
		await first;
		expect(controller.outcome).toBeNull();
		expect(controller.busy).toBe(true);
		await second;
		expect(controller.outcome?.dataset).toBe('imagenet');
		expect(controller.current?.sampleId).toBe('cat');
		expect(controller.busy).toBe(false);
	});

	it('keeps the reader\u2019s own image across a set switch and classifies it again', async () => {
		const { session, handlers, controller } = await setup();
		const photo = new File(['p'], 'mine.png', { type: 'image/png' });
		await controller.pick({ kind: 'file', file: photo });
		expect(controller.current?.label).toBe('mine.png');
		for (const model of session.imagenet.models)
			await session.loadFile(model.id, new File(['w'], `${model.id}.st`));
		await controller.show('imagenet', () => '');
		expect(handlers.classify.mock.calls.at(-1)?.[0].image.source).toBe(photo);
		expect(controller.outcome?.dataset).toBe('imagenet');
	});

	it('shows the classes after one run of each network, then the timed latency', async () => {
		const { handlers, controller } = await setup();
		let finishTimed: (value: Classification) => void = () => {};
		await controller.show('fmnist', () => 'sample');
		expect(controller.outcome?.timed).toBe(true);
		handlers.classify.mockImplementationOnce(async (r) => ({
			runs: r.modelIds.map((modelId) => ({
				modelId,
				top: [{ index: 4, probability: 1 }],
				medianMs: 9,
				samplesMs: [9]
			})),
			preview: { pixels: new Uint8Array(3), size: 1 },
			backend: 'cpu'
		}));
		handlers.classify.mockImplementationOnce(() => new Promise((resolve) => (finishTimed = resolve)));
		const running = controller.pick({ kind: 'file', file: new File(['p'], 'x.png', { type: 'image/png' }) });
		await vi.waitFor(() => expect(controller.outcome?.runs[0].top[0].index).toBe(4));
		expect(controller.outcome?.timed).toBe(false);
		expect(controller.busy).toBe(true);
		const quick = handlers.classify.mock.calls.at(-2)![0];
		expect(quick.timing).toEqual({ warmup: 0, runs: 1 });
		expect(handlers.classify.mock.calls.at(-1)![0].timing).toEqual({ warmup: 1, runs: 3 });
		finishTimed({
			...controller.outcome!,
			runs: controller.outcome!.runs.map((r) => ({ ...r, medianMs: 5 }))
		});
		await running;
		expect(controller.outcome).toMatchObject({ timed: true, runs: [{ medianMs: 5 }, { medianMs: 5 }] });
		expect(controller.busy).toBe(false);
	});

	it('a sample that cannot be fetched is a problem, and the controller is idle again', async () => {
		const { controller } = await setup();
		vi.stubGlobal(
			'fetch',
			vi.fn(async (url: string) =>
				url in manifests ? Response.json(manifests[url]) : new Response('gone', { status: 404 })
			)
		);
		await controller.show('fmnist', () => '');
		expect(controller.problem).toBe('classify-failed');
		expect(controller.busy).toBe(false);
	});
});
