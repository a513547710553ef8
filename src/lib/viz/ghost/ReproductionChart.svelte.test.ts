// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import results from '../../../../scripts/train/results/reproduction.json';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import ReproductionChart from './ReproductionChart.svelte';
import { parseReproduction } from './reproduction';

stubResizeObserver();

describe('ReproductionChart', () => {
	it('shows our four variants and the paper’s four rows as focusable points with their values', () => {
		render(ReproductionChart, { lang: 'en' });
		const ours = screen.getByRole('listbox', { name: 'Ours: GhostNet 0.5× on Fashion-MNIST' });
		const paper = screen.getByRole('listbox', { name: 'Paper: VGG-16 on CIFAR-10' });
		expect(ours).toHaveAttribute('tabindex', '0');
		const labels = within(ours)
			.getAllByRole('option')
			.map((o) => o.getAttribute('aria-label'));
		expect(labels).toHaveLength(results.variants.length);
		const conv = results.variants.find((v) => v.options.moduleKind === 'conv')!;
		expect(labels[0]).toContain(`ordinary conv: ${(conv.mean * 100).toFixed(1)} %`);
		expect(
			within(paper)
				.getAllByRole('option')
				.map((o) => o.getAttribute('aria-label'))
		).toEqual([
			'VGG-16: 93.6 %, 15 M params, 313 M FLOPs',
			'Ghost-VGG-16, s = 2: 93.7 %, 7.7 M params, 158 M FLOPs',
			'Ghost-VGG-16, s = 3: 93.4 %, 5.2 M params, 107 M FLOPs',
			'Ghost-VGG-16, s = 4: 93.0 %, 4 M params, 80 M FLOPs'
		]);
	});

	it('says what changed when the reader switches the horizontal axis, and nothing before', async () => {
		render(ReproductionChart, { lang: 'en' });
		const said = screen.getByTestId('axis-change');
		expect(said).toHaveAttribute('aria-live', 'polite');
		expect(said.textContent?.trim()).toBe('');
		await fireEvent.click(screen.getByRole('radio', { name: 'params' }));
		expect(said.textContent?.trim()).toBe('Both panels now plot accuracy against parameters.');
		await fireEvent.click(screen.getByRole('radio', { name: 'MACs' }));
		expect(said.textContent?.trim()).toBe('Both panels now plot accuracy against MACs (FLOPs in the paper).');
	});

	it('keyboard: focusing a panel selects its first point, arrows move, and a tooltip gives the values', async () => {
		const { container } = render(ReproductionChart, { lang: 'en' });
		const ours = screen.getByRole('listbox', { name: /^Ours/ });
		await fireEvent.focus(ours);
		await fireEvent.keyDown(ours, { key: 'ArrowRight' });
		const active = ours.querySelector('[aria-selected="true"]')!;
		expect(ours.getAttribute('aria-activedescendant')).toBe(active.id);
		expect(active.getAttribute('aria-label')).toMatch(/^s = 2: /);
		expect(container.querySelector('.readout')?.textContent).toBe(active.getAttribute('aria-label'));
		await fireEvent.keyDown(ours, { key: 'Escape' });
		expect(container.querySelector('.readout')?.textContent).toMatch(/arrow keys/);
	});

	it('switches the horizontal axis between MACs and params', async () => {
		const { container } = render(ReproductionChart, { lang: 'en' });
		expect(screen.getByText('MACs (M)')).toBeInTheDocument();
		const before = container.querySelector('[role="option"]')!.getAttribute('transform');
		await fireEvent.click(screen.getByLabelText('params'));
		expect(screen.getAllByText('parameters (M)')).toHaveLength(2);
		expect(container.querySelector('[role="option"]')!.getAttribute('transform')).not.toBe(before);
	});

	it('has a table with every value, and a caption that describes the figure', () => {
		render(ReproductionChart, { lang: 'en' });
		const table = screen.getByRole('table');
		for (const v of results.variants) {
			const row = table.querySelector(`[data-variant="${v.id}"]`)!;
			expect(row.textContent).toContain((v.params / 1e6).toFixed(2));
			for (const a of v.testAccuracy) expect(row.textContent).toContain((a * 100).toFixed(2));
		}
		expect(table.querySelectorAll('[data-paper]')).toHaveLength(4);
		const figure = screen.getByRole('figure');
		expect(figure).toHaveAccessibleName(/Ghost modules vs ordinary convolutions/);
		expect(figure).toHaveAccessibleDescription(/not trained to convergence/);
	});

	it('takes every number from the data: a 3-epoch run changes the caption', () => {
		const rep = parseReproduction({ ...results, epochs: 3 });
		render(ReproductionChart, { lang: 'en', data: rep });
		expect(screen.getByRole('figure')).toHaveAccessibleDescription(/3 epochs per run/);
	});

	it('speaks Chinese', () => {
		render(ReproductionChart, { lang: 'zh' });
		expect(screen.getByRole('listbox', { name: '我们：GhostNet 0.5×，Fashion-MNIST' })).toBeInTheDocument();
		expect(screen.getByRole('figure')).toHaveAccessibleDescription(/未训练到收敛/);
		expect(screen.getByText('以表格查看数据')).toBeInTheDocument();
	});
});
