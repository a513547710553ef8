// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import RedundancyFinder from './RedundancyFinder.svelte';
import { contextOf, installLiveStubs, renderLiveFigure } from './testing';

vi.mock('$lib/nets/preprocess', async (importOriginal) => {
	const { fixedPixelsPreprocess } = await import('./preprocess-stub');
	return fixedPixelsPreprocess(await importOriginal(), 53);
});

beforeAll(() => installLiveStubs());
afterAll(() => vi.unstubAllGlobals());

const setup = (lang: 'en' | 'zh' = 'en') => renderLiveFigure(RedundancyFinder, lang);

const drawnMaps = () =>
	contextOf(screen.getByTestId('stem-maps')).frame.filter((c) => c.op === 'drawImage').length;

function tableValues() {
	const cells = [...screen.getByTestId('similarity-table').querySelectorAll('td[data-value]')];
	return cells.map((td) => ({
		i: Number(td.getAttribute('data-i')),
		j: Number(td.getAttribute('data-j')),
		v: Number(td.getAttribute('data-value'))
	}));
}

describe('RedundancyFinder', () => {
	it("draws all of GhostNet's stem maps and a symmetric similarity matrix with a unit diagonal", async () => {
		const { requests } = setup();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		expect(requests).toEqual(['fmnist-ghostnet']);
		const values = tableValues();
		expect(values).toHaveLength(64);
		const at = (i: number, j: number) => values.find((c) => c.i === i && c.j === j)!.v;
		for (let i = 0; i < 8; i++) {
			expect(at(i, i)).toBeCloseTo(1, 5);
			for (let j = 0; j < 8; j++) expect(at(i, j)).toBeCloseTo(at(j, i), 6);
		}
		const heat = contextOf(screen.getByTestId('similarity-heatmap'));
		expect(heat.frame.filter((c) => c.op === 'fillRect')).toHaveLength(64);
	});

	it('lists the three most similar pairs, the first being the argmax, each with its cheap-operation fit', async () => {
		setup();
		await waitFor(() => expect(screen.getAllByTestId('pair')).toHaveLength(3), { timeout: 20_000 });
		const offDiagonal = tableValues().filter((c) => c.i !== c.j);
		const best = offDiagonal.reduce((a, b) => (b.v > a.v ? b : a));
		const [first, ...rest] = screen.getAllByTestId('pair');
		expect(Number(first.dataset.similarity)).toBeCloseTo(best.v, 6);
		expect([Number(first.dataset.a), Number(first.dataset.b)]).toEqual([
			Math.min(best.i, best.j),
			Math.max(best.i, best.j)
		]);
		for (const pair of rest)
			expect(Number(pair.dataset.similarity)).toBeLessThanOrEqual(Number(first.dataset.similarity));
		for (const fit of screen.getAllByTestId('pair-fit'))
			expect(fit.textContent).toMatch(
				/^3×3 depthwise filter: R² = (\d\.\d{3}|undefined.*) \(residual .*\); scaled copy: R² = /
			);
	});

	it("switches to EfficientNet's stem and reads the matrix from the keyboard", async () => {
		const { requests } = setup();
		await waitFor(() => expect(drawnMaps()).toBe(8), { timeout: 20_000 });
		await fireEvent.change(screen.getByTestId('model-select'), { target: { value: 'fmnist-efficientnet' } });
		await waitFor(() => expect(drawnMaps()).toBe(16), { timeout: 20_000 });
		expect(requests).toEqual(['fmnist-ghostnet', 'fmnist-efficientnet']);
		const heatmap = screen.getByTestId('similarity-heatmap');
		await fireEvent.focus(heatmap);
		expect(screen.getByTestId('cell-info').textContent).toBe('Maps #0 and #0: cosine similarity 1');
		await fireEvent.keyDown(heatmap, { key: 'ArrowRight' });
		expect(screen.getByTestId('cell-info').textContent).toMatch(
			/^Maps #0 and #1: cosine similarity −?[\d.]+$/
		);
		const maps = screen.getByTestId('stem-maps');
		await fireEvent.focus(maps);
		expect(screen.getByTestId('map-info').textContent).toMatch(
			/^Map #0, values .* most similar to #\d+ \(cosine/
		);
	});

	it('speaks Chinese', async () => {
		setup('zh');
		expect(screen.getByText('实时找出冗余的特征图')).toBeInTheDocument();
		await waitFor(() => expect(screen.getAllByTestId('pair')).toHaveLength(3), { timeout: 20_000 });
		expect(screen.getAllByTestId('pair-fit')[0].textContent).toContain('3×3 深度卷积：R² =');
	});
});
