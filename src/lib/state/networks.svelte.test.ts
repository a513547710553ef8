// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from '$lib/nets/weights/sources';
import { fakeSession, type FakeSessionOptions } from '$lib/viz/classifier/testing';

const session = (options: FakeSessionOptions = {}) => {
	const { session: s, ...rest } = fakeSession(options);
	return { s, ...rest };
};

beforeEach(() => localStorage.clear());

describe('NetworkSession', () => {
	it('starts on the saved backend and runs the bundled Fashion-MNIST models by default', async () => {
		localStorage.setItem('egn.backend.v1', 'wasm');
		const { s, engine, calls } = session();
		await s.start();
		expect(engine.start).toHaveBeenCalledWith('wasm');
		expect(calls.map((c) => [c.id, c.source])).toEqual([
			['fmnist-efficientnet', { kind: 'static', baseUrl: '/weights' }],
			['fmnist-ghostnet', { kind: 'static', baseUrl: '/weights' }]
		]);
		expect(s.active).toBe('fmnist');
		expect(s.slots['fmnist-ghostnet'].origin).toMatchObject({ kind: 'bundled', bytes: 1234 });
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('empty');
		expect(s.memory.numTensors).toBe(200);
	});

	it('loads cached ImageNet weights at start, without asking, and switches to them', async () => {
		const { s, calls } = session({ cached: true });
		await s.start();
		const hub = calls.filter((c) => c.source.kind === 'hub').map((c) => c.id);
		expect(hub).toEqual(['efficientnet_b0.ra_in1k', 'ghostnet_100.in1k']);
		expect(s.active).toBe('imagenet');
		expect(s.slots['ghostnet_100.in1k'].origin?.fromCache).toBe(true);
		s.use('fmnist');
		expect(s.active).toBe('fmnist');
	});

	it('reports progress, then a failure with its code, and keeps the default set running', async () => {
		const seen: (number | null)[] = [];
		const { s } = session({
			async loader(entry, source, opts) {
				if (source.kind !== 'hub') return;
				opts.onProgress?.({ phase: 'download', loaded: 10, total: 100, percent: 10 });
				seen.push(s.slots[entry.id].progress?.percent ?? null);
				if (entry.family === 'ghostnet')
					throw new WeightsError('not-found', 'HTTP 404', { status: 404, url: 'u' });
			}
		});
		await s.loadImagenet('hub');
		expect(seen).toEqual([10, 10]);
		expect(s.slots['efficientnet_b0.ra_in1k'].status).toBe('ready');
		expect(s.slots['ghostnet_100.in1k'].status).toBe('error');
		expect(s.slots['ghostnet_100.in1k'].failure).toMatchObject({ code: 'not-found', status: 404 });
		expect(s.active).toBe('fmnist');
	});

	it('cancels a download through its AbortSignal and says so', async () => {
		const { s } = session({
			loader: (_entry, source, opts) =>
				source.kind === 'hub'
					? new Promise((_resolve, reject) =>
							opts.signal?.addEventListener('abort', () => reject(new WeightsError('aborted', 'cancelled')))
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
		const { s, calls } = session({
			loader: async (_e, source) => {
				if (source.kind === 'hub' && fail) throw new WeightsError('cors-or-network', 'x');
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
		expect(calls.filter((c) => c.id === 'efficientnet_b0.ra_in1k').length).toBe(2);
		expect(s.active).toBe('imagenet');
	});

	it('classifies with both networks of the active set on its preprocessing, and persists a backend choice', async () => {
		const { s, engine } = session();
		await s.start();
		const result = await s.classify(new Blob(), { warmup: 1, runs: 3 });
		const [ids, , config, timing] = engine.classify.mock.calls[0];
		expect(ids).toEqual(['fmnist-efficientnet', 'fmnist-ghostnet']);
		expect(config).toMatchObject({ crop: 32, color: 'gray' });
		expect(timing).toEqual({ warmup: 1, runs: 3 });
		expect(result.dataset).toBe('fmnist');
		await s.setBackend('cpu');
		expect(localStorage.getItem('egn.backend.v1')).toBe('cpu');
		expect(s.backend?.active).toBe('cpu');
	});

	it('without the Fashion-MNIST manifest, records why and has no active set until ImageNet loads', async () => {
		const { s } = session({ manifest: { models: [] } });
		await s.start();
		expect(s.fmnistError).toMatch(/no efficientnet model/);
		expect(s.active).toBeNull();
		await expect(s.classify(new Blob(), { warmup: 0, runs: 1 })).rejects.toThrow(/no model set/);
	});

	it('runs a task on a loaded network through the engine queue, and refuses an unknown one', async () => {
		const { s, engine } = session();
		await s.start();
		await expect(s.withNet('fmnist-ghostnet', (net) => (net as unknown as { id: string }).id)).resolves.toBe(
			'fmnist-ghostnet'
		);
		expect(engine.withNet).toHaveBeenCalledTimes(1);
		await expect(s.withNet('ghostnet_100.in1k', () => 1)).rejects.toThrow(/not loaded/);
	});
});
