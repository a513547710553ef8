// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeRuntime } from '$lib/live/testing';
import { NetworkSession } from '$lib/live/session.svelte';
import TimeProfile from './TimeProfile.svelte';
import { installLiveStubs, renderLiveFigure } from './testing';

beforeAll(() => installLiveStubs());
afterAll(() => vi.unstubAllGlobals());

const percents = (testid: string, which: 'mac-share' | 'time-share') =>
	[...screen.getByTestId(testid).querySelectorAll(`[data-testid="${which}"]`)].map((e) =>
		Number.parseFloat(e.textContent ?? '')
	);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const measuredModel = () => screen.getByTestId('time-profile').dataset.model;

describe('TimeProfile', () => {
	it('lays out the default network from the models built into the page while the session reads its list', async () => {
		const runtime = fakeRuntime();
		const session = new NetworkSession({
			connect: async () => runtime.client,
			isCached: async () => false,
			fetchJson: () => new Promise(() => {}),
			hubBase: () => 'http://hub.test',
			staticBase: '/weights'
		});
		render(TimeProfile, { lang: 'en', session });
		const select = screen.getByTestId('model-select') as HTMLSelectElement;
		expect([...select.options].map((o) => o.value)).toEqual([
			'fmnist-efficientnet_w050',
			'efficientnet_b0.ra_in1k',
			'fmnist-ghostnet_050',
			'ghostnet_100.in1k'
		]);
		const stages = [...screen.getByTestId('profile-sections').querySelectorAll('tbody th')].map(
			(th) => th.textContent
		);
		expect(stages[0]).toBe('stem (stage 1)');
		expect(stages).toContain('blocks.6 (stage 8)');
		expect(sum(percents('profile-sections', 'mac-share'))).toBeCloseTo(100, 0);
		await waitFor(() => expect(session.runtime).toBe('ready'));
		const status = screen.getByTestId('profile-status').textContent ?? '';
		expect(status).toMatch(/^Downloading the network weights/);
		expect(screen.getByTestId('weights-notice').dataset.phase).toBe('pending');
	});

	it('profiles the bundled EfficientNet on the CPU backend and fills both tables', async () => {
		const { requests } = renderLiveFigure(TimeProfile, 'en');
		// Before the measurement, the MAC shares are there already and the times are dashes.
		expect(sum(percents('profile-sections', 'mac-share'))).toBeCloseTo(100, 0);
		await waitFor(() => expect(measuredModel()).toBe('fmnist-efficientnet'), { timeout: 30_000 });
		expect(requests).toEqual(['fmnist-efficientnet']);
		for (const table of ['profile-sections', 'profile-kinds']) {
			expect(sum(percents(table, 'mac-share'))).toBeCloseTo(100, 0);
			expect(sum(percents(table, 'time-share'))).toBeCloseTo(100, 0);
		}
		const stages = [...screen.getByTestId('profile-sections').querySelectorAll('tbody th')].map(
			(th) => th.textContent
		);
		expect(stages[0]).toBe('stem (stage 1)');
		expect(stages).toContain('blocks.6 (stage 8)');
		expect(screen.getByTestId('profile-status').textContent).toMatch(
			/^Measured on CPU: 7 profiled passes for the shares; [\d.]+ ms per ordinary pass \(median of 21, middle half [\d.]+–[\d.]+ ms\)\.$/
		);
		const reading = screen.getByTestId('profile-reading').textContent ?? '';
		expect(reading).toMatch(/depthwise convolutions: [\d.]+% of the MACs, [\d.]+% of the time\./);
		expect(reading).toMatch(/Choose GhostNet .* to compare/);
	});

	it('compares with GhostNet once both are measured, and keeps the tensor count after measuring again', async () => {
		const { requests, session } = renderLiveFigure(TimeProfile, 'zh');
		await waitFor(() => expect(measuredModel()).toBe('fmnist-efficientnet'), { timeout: 30_000 });
		await fireEvent.change(screen.getByTestId('model-select'), { target: { value: 'fmnist-ghostnet' } });
		await waitFor(() => expect(measuredModel()).toBe('fmnist-ghostnet'), { timeout: 30_000 });
		await waitFor(() =>
			expect(screen.getByTestId('profile-comparison').textContent).toMatch(
				/^GhostNet .* 的 MACs 只有 EfficientNet.* 的 1\/[\d.]+；在 CPU 上/
			)
		);
		const before = session.memory.numTensors;
		const button = screen.getByTestId('measure-again');
		await fireEvent.click(button);
		await waitFor(() => expect(requests).toHaveLength(3));
		await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false), { timeout: 30_000 });
		expect(session.memory.numTensors).toBe(before);
		expect(screen.getByTestId('profile-sections').querySelector('caption')?.textContent).toBe('按网络的部分');
	});
});
