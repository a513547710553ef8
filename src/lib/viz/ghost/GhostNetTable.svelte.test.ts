// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import GhostNetTable from './GhostNetTable.svelte';
import { GhostNetWidth } from './ghostnet-width.svelte';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';

stubResizeObserver();

/** Each test starts at 1.0× with its own width state (the article shares one per tab). */
const renderTable = (lang: 'en' | 'zh') => render(GhostNetTable, { lang, selection: new GhostNetWidth() });

const row = (container: HTMLElement, key: string) =>
	[...container.querySelectorAll(`tr[data-key="${key}"] td`)].map((td) => td.textContent?.trim());
const detail = () => screen.getByTestId('block-detail');

describe('GhostNetTable', () => {
	it('shows GhostNet 1.0× in the paper’s layout with the exact totals (facts.md B, C.3)', () => {
		const { container } = renderTable('en');
		expect(container.querySelectorAll('tr[data-key]')).toHaveLength(21);
		expect(row(container, 'conv_stem').slice(0, 6)).toEqual(['224²×3', 'Conv2d 3×3', '–', '16', '–', '2']);
		expect(row(container, 'blocks.3.0').slice(0, 6)).toEqual([
			'56²×24',
			'G-bneck blocks.3.0',
			'72',
			'40',
			'1',
			'2'
		]);
		expect(row(container, 'pool').slice(0, 2)).toEqual(['7²×960', 'AvgPool 7×7']);
		expect(row(container, 'classifier').slice(0, 4)).toEqual(['1²×1280', 'FC', '–', '1000']);
		expect(screen.getByTestId('total-params').textContent).toBe('5,182,508');
		expect(screen.getByTestId('total-macs').textContent).toBe('141.15M');
	});

	it.each([
		['0.5×', '2,587,292', '42.33M', ['112²×8', 'G-bneck blocks.0.0', '8', '8']],
		['1.3×', '7,358,820', '227.00M', ['112²×20', 'G-bneck blocks.0.0', '20', '20']]
	])('follows the width preset %s', async (preset, params, macs, firstBlock) => {
		const { container } = renderTable('en');
		const button = screen.getByRole('button', { name: preset });
		await fireEvent.click(button);
		expect(button).toHaveAttribute('aria-pressed', 'true');
		expect(screen.getByTestId('total-params').textContent).toBe(params);
		expect(screen.getByTestId('total-macs').textContent).toBe(macs);
		expect(row(container, 'blocks.0.0').slice(0, 4)).toEqual(firstBlock);
	});

	it('follows the width slider to widths outside the paper', async () => {
		const { container } = renderTable('zh');
		await fireEvent.input(screen.getByRole('slider', { name: '宽度系数' }), { target: { value: '2' } });
		// makeDivisible(16·2, 4) = 32 stem channels; 960·2 final channels
		expect(row(container, 'conv_stem')[3]).toBe('32');
		expect(row(container, 'blocks.9.0')[3]).toBe('1920');
		expect(
			screen.getByRole('caption')?.textContent ?? container.querySelector('caption')!.textContent
		).toContain('GhostNet 2.0×');
		expect(screen.getByRole('slider', { name: '宽度系数' })).toHaveAttribute(
			'aria-valuetext',
			'宽度系数 2.0'
		);
	});

	it('shows the chosen block’s diagram with its real channel counts when a row is clicked', async () => {
		const { container } = renderTable('en');
		expect(within(detail()).getByRole('img').getAttribute('data-block')).toBe('blocks.3.0');
		await fireEvent.click(container.querySelector('tr[data-key="blocks.6.3"] td')!);
		const svg = within(detail()).getByRole('img');
		expect(svg.getAttribute('data-block')).toBe('blocks.6.3');
		// 80 → 480 → 112 with SE 480 → 120 → 480 (facts.md C.6)
		expect(svg.textContent).toContain('80→480');
		expect(svg.textContent).toContain('480→120→480');
		expect(svg.textContent).toContain('80→112 · BN');
		expect(container.querySelector('tr[data-key="blocks.6.3"]')).toHaveClass('selected');
	});

	it('lets the keyboard choose a row through its button', async () => {
		renderTable('en');
		const button = screen.getByRole('button', { name: /blocks\.1\.0/ });
		button.focus();
		await fireEvent.click(button); // Enter on a focused button fires click
		expect(button).toHaveAttribute('aria-pressed', 'true');
		expect(within(detail()).getByRole('img').getAttribute('data-block')).toBe('blocks.1.0');
		expect(detail().textContent).toContain('Depthwise 3×3, stride 2');
	});

	it('keeps the chosen block across widths and updates its channel counts', async () => {
		renderTable('en');
		await fireEvent.click(screen.getByRole('button', { name: '0.5×' }));
		// blocks.3.0 at 0.5×: 12 → 36 → 20, SE 12 (facts.md C.6)
		expect(within(detail()).getByRole('img').textContent).toContain('36→12→36');
	});

	it('compares with the same network on ordinary convs and with EfficientNet-B0', async () => {
		renderTable('en');
		const comparison = screen.getByTestId('net-comparison');
		expect(within(comparison).getByTestId('comparison-ghost').textContent).toContain('5,182,508');
		expect(within(comparison).getByTestId('comparison-b0').textContent).toContain('5,288,548');
		expect(within(comparison).getByTestId('comparison-conv').textContent).toContain('ghostnet_100_conv');
		expect(within(comparison).getByTestId('modules-saving').textContent).toContain('Its 32 Ghost modules');
		await fireEvent.click(screen.getByRole('button', { name: '1.3×' }));
		expect(within(comparison).getByTestId('comparison-ghost').textContent).toContain('7,358,820');
	});
});

describe('GhostNetTable width', () => {
	it('writes the width it shows into the shared state the later figures read', async () => {
		const selection = new GhostNetWidth();
		render(GhostNetTable, { lang: 'en', selection });
		await fireEvent.click(screen.getByRole('button', { name: '0.5×' }));
		expect(selection.width).toBe(0.5);
		await fireEvent.input(screen.getByRole('slider', { name: 'Width multiplier' }), {
			target: { value: '0.75' }
		});
		expect([selection.width, selection.label]).toEqual([0.75, '0.75']);
	});
});
