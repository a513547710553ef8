// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import PaperAblations from './PaperAblations.svelte';

stubResizeObserver();

const labels = (name: string | RegExp) =>
	within(screen.getByRole('listbox', { name }))
		.getAllByRole('option')
		.map((o) => o.getAttribute('aria-label'));

describe('PaperAblations', () => {
	it('draws the d and s ablations and both pruning comparisons of facts.md C.5 as focusable points', () => {
		render(PaperAblations, { lang: 'en' });
		expect(labels('Cheap kernel d (VGG-16, s = 2)')).toEqual([
			'd = 1: 93.5 %, 157 M FLOPs, 7.6 M weights',
			'd = 3: 93.7 %, 158 M FLOPs, 7.7 M weights',
			'd = 5: 93.4 %, 160 M FLOPs, 7.7 M weights',
			'd = 7: 93.1 %, 163 M FLOPs, 7.7 M weights'
		]);
		expect(labels('Ratio s (VGG-16, d = 3)')).toHaveLength(5);
		expect(labels('Ratio s (VGG-16, d = 3)')[4]).toBe('s = 5: 92.9 %, 65 M FLOPs, 3.3 M weights');
		expect(labels('Against pruning: VGG-16')).toContain('SBP-VGG-16: 92.5 %, 136 M FLOPs, weights not given');
		expect(labels('Against pruning: ResNet-56')).toContain(
			'Ghost-ResNet-56 (s=2): 92.7 %, 63 M FLOPs, 0.43 M weights'
		);
		// The original VGG-16 of the d ablation is a reference line, not a point.
		expect(screen.getByText('VGG-16 93.6 %')).toBeInTheDocument();
	});

	it('keyboard: a panel takes focus and arrows read its points out under the plot', async () => {
		const { container } = render(PaperAblations, { lang: 'en' });
		const d = screen.getByRole('listbox', { name: /^Cheap kernel d/ });
		await fireEvent.focus(d);
		await fireEvent.keyDown(d, { key: 'ArrowRight' });
		const readout = container.querySelector('[data-panel="d"] .readout')!;
		expect(readout.textContent).toBe('d = 3: 93.7 %, 158 M FLOPs, 7.7 M weights');
	});

	it('says what the numbers show and where they come from, and has a table of every value', () => {
		render(PaperAblations, { lang: 'en' });
		const figure = screen.getByRole('figure');
		expect(figure).toHaveAccessibleDescription(/d = 3 is the most accurate cheap kernel \(93\.7 %\)/);
		expect(figure).toHaveAccessibleDescription(/2\.0× fewer FLOPs/);
		expect(figure).toHaveAccessibleDescription(
			/most accurate compressed network for both VGG-16 and ResNet-56/
		);
		expect(figure).toHaveAccessibleDescription(/Nothing here was trained or measured on this site/);
		const table = screen.getByTestId('ablation-table');
		expect(table.querySelectorAll('tbody tr')).toHaveLength(5 + 5 + 9 + 3);
	});

	it('speaks Chinese', () => {
		render(PaperAblations, { lang: 'zh' });
		expect(screen.getByRole('listbox', { name: '廉价操作核 d（VGG-16，s = 2）' })).toBeInTheDocument();
		expect(screen.getByRole('figure')).toHaveAccessibleDescription(/FLOPs 少 2\.0 倍/);
		expect(labels('与剪枝对比：ResNet-56')).toContain('CP-ResNet-56：92.0%，FLOPs 63M，未给出参数量');
	});
});
