// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClassifierController } from './controller.svelte';
import type { Classification } from './engine';
import { fakeSession } from './testing';

const manifests: Record<string, unknown> = {
	'/samples/fmnist/samples.json': { samples: [{ file: 'f0.png', label: 3 }] },
	'/samples/samples.json': { samples: [{ id: 'cat', file: 'cat.jpg', caption: { en: 'cat', zh: '猫' } }] }
};

beforeEach(() => {
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string) => new Response(url))
	);
	URL.createObjectURL = vi.fn(() => 'blob:x');
	URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

async function setup() {
	const fake = fakeSession();
	await fake.session.start();
	const controller = new ClassifierController(
		fake.session,
		{ warmup: 0, runs: 1 },
		async (url) => manifests[url]
	);
	return { ...fake, controller };
}

describe('ClassifierController', () => {
	it('drops a run for the previous model set the moment the set changes', async () => {
		const { session, engine, controller } = await setup();
		let finishOld: (value: Classification) => void = () => {};
		engine.classify.mockImplementationOnce(() => new Promise((resolve) => (finishOld = resolve)));
		const first = controller.show('fmnist', () => 'sample');
		await vi.waitFor(() => expect(engine.classify).toHaveBeenCalledTimes(1));
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
		const { session, engine, controller } = await setup();
		const photo = new File(['p'], 'mine.png', { type: 'image/png' });
		await controller.pick({ kind: 'file', file: photo });
		expect(controller.current?.alt).toBe('mine.png');
		for (const model of session.imagenet.models)
			await session.loadFile(model.id, new File(['w'], `${model.id}.st`));
		await controller.show('imagenet', () => '');
		expect(engine.classify.mock.calls.at(-1)?.[1]).toBe(photo);
		expect(controller.outcome?.dataset).toBe('imagenet');
	});

	it('a sample that cannot be fetched is a problem, and the controller is idle again', async () => {
		const { controller } = await setup();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response('gone', { status: 404 }))
		);
		await controller.show('fmnist', () => '');
		expect(controller.problem).toBe('classify-failed');
		expect(controller.busy).toBe(false);
	});
});
