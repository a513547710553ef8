// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import results from '../../../../scripts/train/results/scaling.json';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import CompoundRuns from './CompoundRuns.svelte';
import { COMPOUND_RUNS, type CompoundRuns as Runs, type TrainedPoint } from './compound-runs';

stubResizeObserver();

describe('CompoundRuns', () => {
	it('shows every grid point and every trained network of the results file, in English', () => {
		render(CompoundRuns, { lang: 'en' });
		const grid = screen.getByRole('listbox', { name: 'Step 1: the grid search at φ = 1' });
		const paper = screen.getByRole('listbox', { name: 'Step 1: the grid search at φ = 1: paper' });
		const gridPoints = [...within(grid).getAllByRole('option'), ...within(paper).getAllByRole('option')];
		const gridRuns = results.runs.filter((r) => r.experiment === 'grid');
		expect(gridPoints).toHaveLength(new Set(gridRuns.map((r) => r.coefficients.join())).size);
		expect(within(paper).getByRole('option').getAttribute('aria-label')).toMatch(
			/^α · β · γ = 1.2 · 1.1 · 1.15 \(α·β²·γ² = 1.92\)/
		);
		// The table: one row per network and experiment; the baseline's seeds as in the file.
		const table = screen.getByRole('table');
		const base = results.runs.filter((r) => r.experiment === 'baseline').sort((a, b) => a.seed - b.seed);
		const baseRow = within(table).getByRole('row', { name: /^baseline/ });
		expect(baseRow.textContent).toContain(
			base.map((r) => `${r.seed}: ${(r.testAccuracy * 100).toFixed(2)}`).join(', ')
		);
		expect(screen.getByText(/^Fashion-MNIST \(60,000 training/)).toHaveTextContent(
			`for ${results.epochs} epochs`
		);
	});

	it('reads a point from the keyboard and speaks Chinese', async () => {
		render(CompoundRuns, { lang: 'zh' });
		const curves = screen.getByRole('listbox', { name: /: 只放缩分辨率$/ });
		await fireEvent.focus(curves);
		const option = curves.querySelector('[aria-selected="true"]');
		expect(option?.getAttribute('aria-label')).toMatch(/^只放缩分辨率，φ = /);
		expect(screen.getByTestId('grid-outcome').textContent).toMatch(/同一个网络的两个种子最多相差/);
	});

	const point = (key: string, macs: number, accuracies: number[], phi = 1): TrainedPoint => ({
		key,
		coefficients: [1, 1, 1],
		phi,
		width: 0.25,
		depth: 0.5,
		resolution: 16,
		params: 1e5,
		macs,
		seeds: [0, 1],
		accuracies,
		mean: (accuracies[0] + accuracies[1]) / 2,
		min: Math.min(...accuracies),
		max: Math.max(...accuracies)
	});

	it('says plainly when compound scaling loses to a single dimension at matched MACs', () => {
		const base = point('base', 2e5, [80, 80.2], 0);
		const data: Runs = {
			...COMPOUND_RUNS,
			curves: {
				depth: [base, point('d', 8e5, [79, 79.4])],
				width: [base, point('w', 8e5, [81, 81.2])],
				resolution: [base, point('r', 8e5, [86, 86.4])],
				compound: [base, point('c', 4e5, [81, 81.2], 1)]
			}
		};
		render(CompoundRuns, { lang: 'en', data });
		const outcome = screen.getByTestId('curves-outcome').textContent;
		expect(outcome).toMatch(
			/compound scaling reaches 81.10 %, resolution only 83.15 % at the same MACs: behind by 2.05 points/
		);
		expect(outcome).toMatch(
			/does not beat every single dimension: resolution only is ahead of it at matched MACs/
		);
	});
});
