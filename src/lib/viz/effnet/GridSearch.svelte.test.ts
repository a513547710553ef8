// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { formatFactor, formatMacs } from '$lib/viz/scaling/format';
import GridSearch from './GridSearch.svelte';

stubResizeObserver();

const column = (i: number) =>
	within(screen.getByTestId('grid-table'))
		.getAllByRole('row')
		.slice(1)
		.map((row) => within(row).getAllByRole('cell')[i].textContent);

describe('GridSearch', () => {
	it("marks the paper's point: γ 1.15, product 1.92, 258 px, the MACs of efficientnet({ phi: 1 })", () => {
		render(GridSearch, { lang: 'en' });
		const paper = column(1);
		expect(paper.slice(0, 6)).toEqual(['1.15', '1.92', '1.20', '1.10', '258 px', '23']);
		const macs = cost(efficientnet({ phi: 1 })).macs;
		expect(paper[6]).toBe(formatMacs(macs));
		expect(paper[7]).toBe(formatFactor(macs / cost(efficientnet({ variant: 'b0' })).macs));
		expect(screen.getByRole('listbox', { name: "paper's point" })).toBeInTheDocument();
	});

	it('γ follows α and β on the constraint; the network is the real φ = 1 one', async () => {
		render(GridSearch, { lang: 'en' });
		await fireEvent.input(screen.getByRole('slider', { name: 'α (depth)' }), { target: { value: '1.2' } });
		await fireEvent.input(screen.getByRole('slider', { name: 'β (width)' }), { target: { value: '1.1' } });
		const mine = column(0);
		expect(mine.slice(0, 5)).toEqual(['1.17', '2.00', '1.20', '1.10', '263 px']);
		const gamma = Math.sqrt(2 / (1.2 * 1.1 * 1.1));
		expect(mine[6]).toBe(formatMacs(cost(efficientnet({ phi: 1, alpha: 1.2, beta: 1.1, gamma })).macs));
		expect(screen.getByTestId('grid-infeasible').textContent?.trim()).toBe('');
	});

	it('says when γ would fall below 1, in Chinese too', async () => {
		render(GridSearch, { lang: 'zh' });
		await fireEvent.input(screen.getByRole('slider', { name: 'α（深度）' }), { target: { value: '1.9' } });
		await fireEvent.input(screen.getByRole('slider', { name: 'β（宽度）' }), { target: { value: '1.2' } });
		expect(screen.getByTestId('grid-infeasible')).toHaveTextContent('小于 1：论文要求 α、β、γ ≥ 1');
		expect(column(0)[4]).toBe('–');
		expect(screen.getByRole('columnheader', { name: '论文的点' })).toBeInTheDocument();
	});
});
