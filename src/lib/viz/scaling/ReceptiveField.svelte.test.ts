// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { officialView } from './model';
import ReceptiveField from './ReceptiveField.svelte';
import { matchAllDimensions } from './single-dimension';

stubResizeObserver();

const items = () =>
	within(screen.getByTestId('last-stage'))
		.getAllByRole('listitem')
		.map((li) => li.textContent);

describe('ReceptiveField', () => {
	it('B7 and its same-MACs counterparts: the last stage by pixels and share of the input', () => {
		const view = officialView('b7');
		const matches = matchAllDimensions(view.cost.macs);
		const resolution = matches.find((m) => m.dimension === 'resolution')!.spec.resolution;
		render(ReceptiveField, { view, name: 'EfficientNet-B7', matches, current: true, lang: 'en' });
		const [compound, , width, res] = items();
		expect(compound).toMatch(/^compound: EfficientNet-B7: \d+ px of 600 px \(\d+ %\)$/);
		// Width and resolution leave B0's kernels, strides and layer counts alone: 851 px.
		expect(width).toBe('width only: 851 px of 224 px (380 %)');
		expect(res).toBe(
			`resolution only: 851 px of ${resolution} px (${Math.round((851 / resolution) * 100)} %)`
		);
		const table = screen.getByRole('region', { name: /Receptive field per stage/ });
		expect(within(table).getAllByRole('row')).toHaveLength(9);
	});

	it('before the matches arrive, the other networks wait in place; Chinese text', () => {
		render(ReceptiveField, {
			view: officialView('b0'),
			name: 'EfficientNet-B0',
			matches: null,
			current: false,
			lang: 'zh'
		});
		expect(screen.getByText('各阶段的感受野占输入的比例')).toBeInTheDocument();
		expect(items()).toEqual([
			'复合放缩：EfficientNet-B0：224 px 中的 851 px（380 %）',
			'只放缩深度：…',
			'只放缩宽度：…',
			'只放缩分辨率：…'
		]);
	});
});
