// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ghostnet } from '$lib/nets';
import { ghostModuleChoices } from '$lib/live/compute/ghost-modules';
import LiveFeatureMaps from './LiveFeatureMaps.svelte';
import { contextOf, installLiveStubs, renderLiveFigure } from './testing';

vi.mock('$lib/nets/preprocess', async (importOriginal) => {
	const { fixedPixelsPreprocess } = await import('./preprocess-stub');
	return fixedPixelsPreprocess(await importOriginal(), 37);
});

const spec = ghostnet({ width: 0.5, numClasses: 10, resolution: 32 });

beforeAll(() => installLiveStubs());
afterAll(() => vi.unstubAllGlobals());

const setup = (lang: 'en' | 'zh' = 'en') => renderLiveFigure(LiveFeatureMaps, lang);

const drawnMaps = () =>
	contextOf(screen.getByTestId('map-grid')).frame.filter((c) => c.op === 'drawImage').length;

describe('LiveFeatureMaps', () => {
	it('runs the offline GhostNet 0.5× by default and draws each intrinsic map beside its ghost map', async () => {
		const { requests } = setup();
		const modules = ghostModuleChoices(spec);
		const model = screen.getByTestId('model-select') as HTMLSelectElement;
		await waitFor(() => expect(model.value).toBe('fmnist-ghostnet'));
		const select = screen.getByTestId('module-select') as HTMLSelectElement;
		expect([...select.options].map((o) => o.textContent)).toEqual(
			modules.map(
				(m) =>
					`${m.block} · ${m.which}: ${m.inChannels} → ${m.outChannels} channels, ${m.primaryChannels} intrinsic + ${m.cheapChannels} ghost, ${m.size}×${m.size}`
			)
		);
		await waitFor(() => expect(drawnMaps()).toBe(modules[0].primaryChannels * 2), { timeout: 20_000 });
		expect(requests).toEqual(['fmnist-ghostnet']);
		expect(screen.getByTestId('observed-range').textContent).toMatch(/^Observed range: −?[\d.]+ … [\d.]+\.$/);
		expect(screen.getByTestId('live-status').textContent).toMatch(/Computed on the CPU backend; \d+ ms/);
		expect(screen.getByTestId('weights-in-use').textContent).toContain('Fashion-MNIST');
	});

	it('follows the chosen module and enlarges the group chosen with the keyboard', async () => {
		setup();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		const select = screen.getByTestId('module-select') as HTMLSelectElement;
		await fireEvent.change(select, { target: { value: 'blocks.1.0.ghost1' } });
		await waitFor(() => expect(drawnMaps()).toBe(24), { timeout: 20_000 });
		const grid = screen.getByTestId('map-grid');
		await fireEvent.focus(grid);
		await fireEvent.keyDown(grid, { key: 'ArrowRight' });
		const detail = screen.getByTestId('map-detail');
		await waitFor(() => expect(detail.textContent).toContain('intrinsic map #1'));
		expect(detail.textContent).toContain('ghost map #1');
		expect(detail.textContent).toMatch(/values −?[\d.]+ … [\d.]+/);
		expect(contextOf(detail.querySelector('canvas')!).calls.some((c) => c.op === 'drawImage')).toBe(true);
	});

	it('before ImageNet weights are loaded, says which weights would be used and offers to load them', async () => {
		setup();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		await fireEvent.change(screen.getByTestId('model-select'), { target: { value: 'ghostnet_100.in1k' } });
		expect(screen.getByTestId('weights-would-use').textContent).toBe(
			'Would use: GhostNet 1.0×, weights trained on ImageNet-1k.'
		);
		// The reader opens the weight manager; it never opens by itself, not even when weights are needed,
		// and it is built only when opened.
		const manager = screen.getByText('Weight manager').closest('details')!;
		expect(manager).not.toHaveAttribute('open');
		expect(screen.queryByRole('button', { name: 'Load the ImageNet weights' })).toBeNull();
		manager.open = true;
		manager.dispatchEvent(new Event('toggle'));
		expect(await screen.findByRole('button', { name: 'Load the ImageNet weights' })).toBeInTheDocument();
		await waitFor(() => expect(drawnMaps()).toBe(0));
		expect(
			screen.getByText('Load the weights of GhostNet 1.0× below to see the result here.')
		).toBeInTheDocument();
	});

	it("runs on the reader's own image, and explains a file that is not an image", async () => {
		const { requests } = setup();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		const input = screen.getByLabelText('Choose an image') as HTMLInputElement;
		const photo = new File([new Uint8Array(16)], 'photo.png', { type: 'image/png' });
		await fireEvent.change(input, { target: { files: [photo] } });
		await waitFor(() => expect(requests).toHaveLength(2), { timeout: 20_000 });
		expect(screen.getByRole('img', { name: 'photo.png' })).toHaveAttribute('src', 'blob:photo.png');
		const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' });
		await fireEvent.change(input, { target: { files: [notes] } });
		expect(await screen.findByText(/This file is not an image/)).toBeInTheDocument();
		expect(requests).toHaveLength(2);
	});

	it('speaks Chinese', async () => {
		setup('zh');
		expect(screen.getByText('真实 GhostNet 的内在特征图与 ghost 特征图')).toBeInTheDocument();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		expect(screen.getByTestId('live-status').textContent).toContain('在 CPU 后端上计算');
	});
});
