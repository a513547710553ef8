// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from '$lib/nets';
import { RemoteError, serializeError } from '$lib/live/protocol';
import { fakeSession, type LoadRequest } from '$lib/live/testing';
import WeightManager from './WeightManager.svelte';

beforeEach(() => localStorage.clear());

/** A WeightsError as it arrives from the runtime's worker. */
const remote = (error: WeightsError) => new RemoteError(serializeError(error));
const fromHub = (request: LoadRequest) =>
	request.source.kind === 'url' && request.source.url.startsWith('http');
const fileLoads = (requests: { type: string }[]) =>
	(requests.filter((r) => r.type === 'load') as LoadRequest[])
		.filter((r) => r.source.kind === 'file')
		.map((r) => r.modelId);

const row = (modelId: string) => document.querySelector(`[data-model="${modelId}"]`) as HTMLElement;

describe('WeightManager', () => {
	it('shows download progress with bytes and percent, and cancels', async () => {
		let release = () => {};
		const { session } = fakeSession({
			loader: (request, opts) =>
				fromHub(request)
					? new Promise((resolve, reject) => {
							opts.onProgress?.({ phase: 'download', loaded: 5_000_000, total: 20_000_000, percent: 25 });
							release = () => resolve();
							opts.signal?.addEventListener('abort', () => reject(remote(new WeightsError('aborted', 'x'))));
						})
					: Promise.resolve()
		});
		render(WeightManager, { session, lang: 'en' });
		await fireEvent.click(screen.getByRole('button', { name: 'Load the ImageNet weights' }));
		const ghost = row('ghostnet_100.in1k');
		await vi.waitFor(() => expect(within(ghost).getByText('5.0 MB of 20.0 MB')).toBeInTheDocument());
		expect(within(ghost).getByText('25%')).toBeInTheDocument();
		expect(within(ghost).getByRole('progressbar')).toHaveAttribute('value', '25');
		await fireEvent.click(within(ghost).getByRole('button', { name: 'Cancel' }));
		await vi.waitFor(() =>
			expect(within(ghost).getByRole('alert')).toHaveTextContent('Loading was cancelled.')
		);
		release();
	});

	it('gives a failed download its message with retry and choose-a-file actions, in Chinese', async () => {
		const { session } = fakeSession({
			loader: async (request) => {
				if (fromHub(request) && request.modelId.startsWith('efficientnet'))
					throw remote(new WeightsError('html-instead-of-weights', 'HTML', { url: 'http://hub.test/x' }));
			}
		});
		render(WeightManager, { session, lang: 'zh' });
		await fireEvent.click(screen.getByRole('button', { name: '加载 ImageNet 权重' }));
		const alert = await vi.waitFor(() => within(row('efficientnet_b0.ra_in1k')).getByRole('alert'));
		expect(alert).toHaveAttribute('data-code', 'html-instead-of-weights');
		expect(alert).toHaveTextContent('服务器返回的是网页而不是权重文件');
		expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
		await fireEvent.click(within(alert).getByRole('button', { name: '选择文件' }));
		expect(screen.getByLabelText('选择 .safetensors 文件 (EfficientNet-B0)')).toBeInTheDocument();
	});

	it('loads a chosen file into its row and states the weights in use; switches the set when both are loaded', async () => {
		const { session, requests } = fakeSession();
		await session.start();
		render(WeightManager, { session, lang: 'en' });
		expect(screen.getByRole('radio', { name: /Fashion-MNIST models/ })).toBeChecked();
		expect(screen.getByRole('radio', { name: /ImageNet checkpoints/ })).toBeDisabled();
		await fireEvent.click(screen.getByRole('radio', { name: /A .safetensors file/ }));
		for (const [name, file] of [
			['EfficientNet-B0', 'b0.safetensors'],
			['GhostNet 1.0×', 'ghost.safetensors']
		]) {
			const input = screen.getByLabelText(`Choose a .safetensors file (${name})`);
			await fireEvent.change(input, { target: { files: [new File(['x'], file)] } });
		}
		await vi.waitFor(() => expect(session.ready('imagenet')).toBe(true));
		expect(fileLoads(requests)).toEqual(['efficientnet_b0.ra_in1k', 'ghostnet_100.in1k']);
		expect(row('ghostnet_100.in1k')).toHaveTextContent(
			'GhostNet 1.0× · ImageNet-1k · your file ghost.safetensors'
		);
		expect(screen.getByRole('radio', { name: /ImageNet checkpoints/ })).toBeChecked();
		await fireEvent.click(screen.getByRole('radio', { name: /Fashion-MNIST models/ }));
		expect(session.active).toBe('fmnist');
	});

	it('says the bundled models are loading while they load, never that they failed', async () => {
		let release = () => {};
		const { session } = fakeSession({ loader: () => new Promise<void>((resolve) => (release = resolve)) });
		render(WeightManager, { session, lang: 'en' });
		void session.start();
		const option = screen.getByRole('radio', { name: /Fashion-MNIST models/ });
		await vi.waitFor(() => expect(option.closest('label')).toHaveTextContent('(loading)'));
		expect(screen.queryByText(/did not load/)).toBeNull();
		release();
	});

	it('names the hub host and marks the developer override', async () => {
		localStorage.setItem('egn.weightsBase.v1', 'http://127.0.0.1:4999');
		const { session } = fakeSession();
		render(WeightManager, { session, lang: 'en' });
		await vi.waitFor(() => expect(screen.getByText('(hub.test, developer setting)')).toBeInTheDocument());
	});

	it('takes a weights file dropped on a model row in file mode', async () => {
		const { session, requests } = fakeSession();
		render(WeightManager, { session, lang: 'en' });
		await fireEvent.click(screen.getByRole('radio', { name: /A .safetensors file/ }));
		const file = new File(['x'], 'ghost.safetensors');
		await fireEvent.dragOver(row('ghostnet_100.in1k'), { dataTransfer: { files: [file], types: ['Files'] } });
		expect(row('ghostnet_100.in1k')).toHaveClass('dragging');
		await fireEvent.drop(row('ghostnet_100.in1k'), { dataTransfer: { files: [file], types: ['Files'] } });
		await vi.waitFor(() => expect(session.slots['ghostnet_100.in1k'].status).toBe('ready'));
		expect(fileLoads(requests)).toEqual(['ghostnet_100.in1k']);
	});
});
