// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CompressionCalculator from './CompressionCalculator.svelte';
import { steppedLogScale } from './slider-scale';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';

stubResizeObserver();

const summary = () => screen.getByTestId('calculator-summary').textContent ?? '';

describe('CompressionCalculator', () => {
	it('starts at s = 2, k = d = 3, c = n = 64 on 56×56 with live KaTeX', async () => {
		const { container } = render(CompressionCalculator, { lang: 'en' });
		expect(summary()).toContain('r_s = 1.969');
		expect(summary()).toContain('58,705,920 multiply-adds instead of 115,605,504');
		// Not prerendered here, so KaTeX is loaded for the formulas.
		await waitFor(() => expect(container.querySelectorAll('.katex-display').length).toBe(6));
		expect(container.querySelector('math')).not.toBeNull();
		expect(screen.getByTestId('note-ok')).toBeInTheDocument();
	});

	it('updates the formulas, the summary and the chart marker when s moves', async () => {
		const { container } = render(CompressionCalculator, { lang: 'en' });
		const slider = screen.getByRole('slider', { name: 's (ratio)' });
		expect(slider).toHaveAttribute('aria-valuetext', 's = 2, each intrinsic map gives 2 output maps');
		await fireEvent.input(slider, { target: { value: '4' } });
		// 64·9 / (64·9/4 + 3/4·9)
		expect(summary()).toContain(`r_s = ${((64 * 9) / (144 + 6.75)).toFixed(3)}`);
		expect(slider).toHaveAttribute('aria-valuetext', 's = 4, each intrinsic map gives 4 output maps');
		expect(container.textContent).toContain('256'); // s·c in the approximation's fraction
		const marker = container.querySelector('circle.marker');
		expect(marker).not.toBeNull();
	});

	it('warns when d×d is far from k×k, as with GhostNet’s 1×1 primary convolutions', async () => {
		render(CompressionCalculator, { lang: 'en' });
		expect(screen.queryByTestId('note-kernel')).toBeNull();
		await fireEvent.input(screen.getByRole('slider', { name: 'k (conv kernel)' }), {
			target: { value: '1' }
		});
		expect(screen.getByTestId('note-kernel').textContent).toContain('d×d = 9 is far from k×k = 1');
		expect(screen.queryByTestId('note-ok')).toBeNull();
	});

	it('warns when s is not much smaller than c and when s does not divide n', async () => {
		render(CompressionCalculator, { lang: 'zh' });
		await fireEvent.change(screen.getByRole('spinbutton', { name: 'c（输入通道）' }), {
			target: { value: '8' }
		});
		expect(screen.getByTestId('note-channels').textContent).toContain('s = 2 并不远小于 c = 8');
		await fireEvent.change(screen.getByRole('spinbutton', { name: 'n（输出特征图）' }), {
			target: { value: '63' }
		});
		expect(screen.getByTestId('note-divisible').textContent).toContain('⌈n/s⌉ = 32');
	});

	it('clamps typed values into range', async () => {
		render(CompressionCalculator, { lang: 'en' });
		const box = screen.getByRole('spinbutton', { name: 's (ratio)' });
		await fireEvent.change(box, { target: { value: '40' } });
		expect(screen.getByRole('slider', { name: 's (ratio)' })).toHaveValue('8');
		await fireEvent.change(box, { target: { value: 'x' } });
		expect(screen.getByRole('slider', { name: 's (ratio)' })).toHaveValue('8');
	});

	it('has a preset with GhostNet’s own kernels (k = 1, d = 3), which the kernel note explains', async () => {
		render(CompressionCalculator, { lang: 'en' });
		const preset = screen.getByRole('button', { name: 'As in GhostNet (k = 1, d = 3)' });
		expect(preset).toHaveAttribute('aria-pressed', 'false');
		await fireEvent.click(preset);
		expect(preset).toHaveAttribute('aria-pressed', 'true');
		expect(screen.getByRole('slider', { name: 'k (conv kernel)' })).toHaveValue('1');
		expect(screen.getByRole('slider', { name: 'd (cheap kernel)' })).toHaveValue('3');
		// c = 64, s = 2: 64 / (32 + 4.5)
		expect(summary()).toContain(`r_s = ${(64 / 36.5).toFixed(3)}`);
		expect(screen.getByTestId('note-kernel').textContent).toContain('GhostNet itself is such a case');
	});

	it('says how far s·c/(s+c−1) falls short of s relative to s (s = 2, c = 4: 20 %)', async () => {
		render(CompressionCalculator, { lang: 'en' });
		await fireEvent.change(screen.getByRole('spinbutton', { name: 'c (input channels)' }), {
			target: { value: '4' }
		});
		expect(screen.getByTestId('note-channels').textContent).toContain('= 1.600 falls 20.0% short of s');
	});

	it('speaks Chinese in the preset', () => {
		render(CompressionCalculator, { lang: 'zh' });
		expect(screen.getByRole('button', { name: '与 GhostNet 相同（k = 1，d = 3）' })).toBeInTheDocument();
	});

	it('loads a real Ghost module of GhostNet 1.0× from the spec', async () => {
		render(CompressionCalculator, { lang: 'en' });
		const select = screen.getByRole('combobox');
		// blocks.0.0.ghost1: 16 → 16 channels on 112×112 (facts.md C.6), 1×1 primary, 3×3 cheap
		await fireEvent.change(select, { target: { value: 'blocks.0.0.ghost1' } });
		expect(screen.getByRole('spinbutton', { name: 'c (input channels)' })).toHaveValue(16);
		expect(screen.getByRole('slider', { name: 'h′ (output height)' })).toHaveValue('112');
		expect(summary()).toContain('r_s = 1.280');
	});

	it('moves c and n over stepped log stops (1–1024 in 50 stops), while typed values stay exact', async () => {
		render(CompressionCalculator, { lang: 'en' });
		const slider = screen.getByRole('slider', { name: 'c (input channels)' });
		const box = screen.getByRole('spinbutton', { name: 'c (input channels)' });
		const stops = steppedLogScale(1, 1024).stops;
		expect(slider).toHaveAttribute('max', String(stops.length - 1));
		// c = 64 starts at its own stop.
		expect(slider).toHaveValue(String(stops.indexOf(64)));
		await fireEvent.input(slider, { target: { value: String(stops.indexOf(128)) } });
		expect(box).toHaveValue(128);
		expect(slider).toHaveAttribute('aria-valuetext', 'c = 128 channels');
		// One step up from 128 is 144 (×2^(1/6), rounded), not 129.
		await fireEvent.input(slider, { target: { value: String(stops.indexOf(128) + 1) } });
		expect(box).toHaveValue(144);
		// A typed value between stops is kept; the slider sits at the nearest stop.
		await fireEvent.change(box, { target: { value: '120' } });
		expect(box).toHaveValue(120);
		expect(slider).toHaveValue(String(stops.indexOf(114)));
		expect(slider).toHaveAttribute('aria-valuetext', 'c = 120 channels');
		const n = screen.getByRole('slider', { name: 'n (output maps)' });
		expect(n).toHaveAttribute('max', String(stops.length - 1));
	});
});
