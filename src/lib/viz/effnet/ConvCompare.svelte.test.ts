// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ConvCompare from './ConvCompare.svelte';

const value = (id: string) => screen.getByTestId(id).textContent;

describe('ConvCompare', () => {
	it('counts the default setting by hand (C_in 4, C_out 6, k 3, 56×56)', () => {
		render(ConvCompare, { lang: 'en' });
		// ordinary 4·6·9 = 216; depthwise 4·9 = 36; separable 36 + 4·6 = 60; totals × 56² = 3136.
		expect(value('weights-ordinary')).toBe('216');
		expect(value('macs-ordinary')).toBe('677,376');
		expect(value('weights-depthwise')).toBe('36');
		expect(value('macs-depthwise')).toBe('112,896');
		expect(value('weights-separable')).toBe('60');
		expect(value('pixel-separable')).toBe('60');
		expect(value('macs-separable')).toBe('188,160');
		expect(screen.getByText("1/3.6 of the ordinary conv's MACs")).toBeInTheDocument();
	});

	it('follows the sliders: C_in 32, k 5 changes every count as the closed forms say', async () => {
		render(ConvCompare, { lang: 'en' });
		await fireEvent.input(screen.getByRole('slider', { name: 'C_in (input channels)' }), {
			target: { value: '32' }
		});
		await fireEvent.input(screen.getByRole('slider', { name: 'k (kernel size)' }), {
			target: { value: '5' }
		});
		expect(value('weights-ordinary')).toBe('4,800');
		expect(value('weights-depthwise')).toBe(String(32 * 25));
		expect(value('weights-separable')).toBe(String(32 * 25 + 32 * 6));
		expect(value('macs-separable')).toBe((3136 * (32 * 25 + 32 * 6)).toLocaleString('en-US'));
		// 32 input channels: 8 are drawn, the rest counted.
		expect(screen.getAllByText('+24 more').length).toBeGreaterThan(0);
	});

	it('traces an output channel: which inputs it reads, per kind', async () => {
		render(ConvCompare, { lang: 'en' });
		await fireEvent.input(screen.getByRole('slider', { name: 'traced output channel' }), {
			target: { value: '3' }
		});
		expect(screen.getByText('Output channel 3 reads input channel 3 only.')).toBeInTheDocument();
		expect(
			screen.getByText('Output channel 3 reads all 4 input channels, with a k×k filter for each.')
		).toBeInTheDocument();
	});

	it('speaks Chinese: 深度卷积, the same counts', () => {
		render(ConvCompare, { lang: 'zh' });
		expect(screen.getByRole('heading', { name: '深度卷积 k×k' })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: '深度可分离卷积' })).toBeInTheDocument();
		expect(value('macs-ordinary')).toBe('677,376');
		expect(screen.getByText('为普通卷积 MACs 的 1/3.6')).toBeInTheDocument();
		expect(screen.getByText('深度卷积保持 4 个输入通道，C_out 对它不起作用。')).toBeInTheDocument();
	});
});
