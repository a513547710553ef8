// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from '$lib/nets';
import { RemoteError, serializeError } from './protocol';
import { backendState, fakeSession, type FakeSessionOptions, type LoadRequest } from './testing';

const session = (options: FakeSessionOptions = {}) => {
	const { session: s, ...rest } = fakeSession(options);
	return { s, ...rest };
};
/** The load requests, as [model id, url or file name]. */
const loads = (requests: { type: string }[]) =>
	(requests.filter((r) => r.type === 'load') as LoadRequest[]).map((r) => [
		r.modelId,
		r.source.kind === 'url' ? r.source.url : r.source.name
	]);
/** A WeightsError as it arrives from the worker. */
const remote = (error: WeightsError) => new RemoteError(serializeError(error));

beforeEach(() => localStorage.clear());

describe('NetworkSession', () => {
	it('starts the runtime on the saved backend and loads the bundled Fashion-MNIST models', async () => {
		localStorage.setItem('egn.backend.v1', 'wasm');
		const { s, handlers, requests } = session();
		await s.start();
		expect(handlers.start.mock.calls[0][0].settings).toMatchObject({ choice: 'wasm' });
		expect(loads(requests)).toEqual([
			['fmnist-efficientnet', '/weights/fmnist-efficientnet.safetensors'],
			['fmnist-ghostnet', '/weights/fmnist-ghostnet.safetensors']
		]);
		// The site's own small files are not copied into Cache Storage.
		expect((requests.find((r) => r.type === 'load') as LoadRequest).source).toMatchObject({ cache: false });
		expect(s.runtime).toBe('ready');
		expect(s.active).toBe('fmnist');
		expect(s.slots['fmnist-ghostnet'].origin).toMatchObject({ kind: 'bundled', bytes: 1234 });
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('empty');
		expect(s.memory.numTensors).toBe(200);
	});

	it('starts automatic (no saved choice) and follows the backend events of the runtime', async () => {
		const { s, handlers, emit } = session();
		await s.start();
		expect(handlers.start.mock.calls[0][0].settings.choice).toBeNull();
		emit({ ...backendState('webgl'), gpu: { phase: 'software', renderer: 'SwiftShader' } });
		expect(s.backend?.gpu).toEqual({ phase: 'software', renderer: 'SwiftShader' });
		expect(s.backend?.info.active).toBe('webgl');
	});

	it('warms the runtime without loading any weights, then loads the preferred family first', async () => {
		const { s, requests } = session();
		await s.warm();
		expect(s.runtime).toBe('ready');
		expect(loads(requests)).toEqual([]);
		expect(s.fmnist?.models.map((m) => m.id)).toEqual(['fmnist-efficientnet', 'fmnist-ghostnet']);
		await s.start('ghostnet');
		expect(loads(requests).map(([id]) => id)).toEqual(['fmnist-ghostnet', 'fmnist-efficientnet']);
	});

	it('loads cached ImageNet weights at start, without asking, and switches to them', async () => {
		const { s, requests } = session({ cached: true });
		const switched: string[] = [];
		s.onActive((dataset) => switched.push(dataset));
		await s.start();
		const hub = loads(requests).filter(([, url]) => String(url).startsWith('http://hub.test'));
		expect(hub.map(([id]) => id)).toEqual(['efficientnet_b0.ra_in1k', 'ghostnet_100.in1k']);
		expect(hub[0][1]).toBe('http://hub.test/timm/efficientnet_b0.ra_in1k/resolve/main/model.safetensors');
		expect(s.active).toBe('imagenet');
		expect(switched.at(-1)).toBe('imagenet');
		expect(s.slots['ghostnet_100.in1k'].origin?.fromCache).toBe(true);
		s.use('fmnist');
		expect(s.active).toBe('fmnist');
		expect(switched.at(-1)).toBe('fmnist');
	});

	it('reports progress, then a failure with its code, and keeps the default set running', async () => {
		const seen: unknown[] = [];
		const { s } = session({
			async loader(request, options) {
				if (!request.source.kind || !('url' in request.source) || !request.source.url.startsWith('http'))
					return;
				options.onProgress?.({ phase: 'download', loaded: 10, total: 100, percent: 10 });
				seen.push(s.slots[request.modelId].progress);
				if (request.modelId.startsWith('ghostnet'))
					throw remote(new WeightsError('not-found', 'HTTP 404', { status: 404, url: 'u' }));
			}
		});
		await s.loadImagenet('hub');
		expect(seen).toHaveLength(2);
		expect(seen[0]).toMatchObject({ percent: 10 });
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('ready');
		expect(s.slots['ghostnet_100.in1k'].status).toBe('error');
		expect(s.slots['ghostnet_100.in1k'].failure).toMatchObject({ code: 'not-found', status: 404 });
		expect(s.active).toBe('fmnist');
	});

	it('cancels a download through its AbortSignal and says so', async () => {
		const { s } = session({
			loader: (request, options) =>
				request.source.kind === 'url' && request.source.cache !== false
					? new Promise((_resolve, reject) =>
							options.signal?.addEventListener('abort', () =>
								reject(remote(new WeightsError('aborted', 'cancelled')))
							)
						)
					: Promise.resolve()
		});
		await s.start();
		const loading = s.loadImagenet('hub');
		await vi.waitFor(() => expect(s.slots['ghostnet_100.in1k'].status).toBe('loading'));
		s.cancel('ghostnet_100.in1k');
		s.cancel('efficientnet_b0.ra_in1k');
		await loading;
		expect(s.slots['ghostnet_100.in1k'].failure?.code).toBe('aborted');
	});

	it('loads a picked file into the slot it was chosen for, and retry re-runs a download', async () => {
		let fail = true;
		const { s, requests } = session({
			loader: async (request) => {
				if (request.source.kind === 'url' && request.source.url.startsWith('http') && fail)
					throw remote(new WeightsError('cors-or-network', 'x'));
			}
		});
		await s.loadFile('ghostnet_100.in1k', new File(['x'], 'ghost.safetensors'));
		expect(s.slots['ghostnet_100.in1k'].origin).toMatchObject({
			kind: 'file',
			fileName: 'ghost.safetensors'
		});
		await s.loadImagenet('hub');
		expect(s.slots['efficientnet_b0.ra_in1k'].failure?.code).toBe('cors-or-network');
		fail = false;
		await s.retry('efficientnet_b0.ra_in1k');
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('ready');
		expect(loads(requests).filter(([id]) => id === 'efficientnet_b0.ra_in1k')).toHaveLength(2);
		expect(s.active).toBe('imagenet');
	});

	it('classifies with both networks of the active set on its preprocessing, and persists a backend choice', async () => {
		const { s, handlers } = session();
		await s.start();
		const image = { key: 'k', source: new Blob() };
		const result = await s.classify(image, { warmup: 1, runs: 3 });
		const request = handlers.classify.mock.calls[0][0];
		expect(request.modelIds).toEqual(['fmnist-efficientnet', 'fmnist-ghostnet']);
		expect(request.preprocess).toMatchObject({ crop: 32, color: 'gray', padSmaller: true });
		expect(request.timing).toEqual({ warmup: 1, runs: 3 });
		expect(request.image).toBe(image);
		expect(result.dataset).toBe('fmnist');
		await s.setBackend('cpu');
		expect(localStorage.getItem('egn.backend.v1')).toBe('cpu');
		expect(s.backend).toMatchObject({ choice: 'cpu', info: { active: 'cpu' } });
		await s.setBackend(null);
		expect(localStorage.getItem('egn.backend.v1')).toBeNull();
		expect(s.backend?.choice).toBeNull();
	});

	it('without the Fashion-MNIST manifest, records why and has no active set until ImageNet loads', async () => {
		const { s } = session({ manifest: { models: [] } });
		await s.start();
		expect(s.fmnistError).toMatch(/no efficientnet model/);
		expect(s.active).toBeNull();
		await expect(s.classify({ key: 'k', source: new Blob() }, { warmup: 0, runs: 1 })).rejects.toThrow(
			/no model set/
		);
	});

	it('says the runtime failed when it cannot start, and refuses work', async () => {
		const { s, handlers } = session();
		handlers.start.mockRejectedValueOnce(new Error('no tfjs backend could start'));
		await s.start();
		expect(s.runtime).toBe('failed');
		expect(s.runtimeError).toBe('no tfjs backend could start');
	});
});
