// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { ScalingLabState } from './lab.svelte';
import ScalingLab from './ScalingLab.svelte';

const written: string[] = [];
let search = '';
vi.mock('./url-sync', () => ({
	currentSearch: () => search,
	writeSearch: (next: string) => written.push(next)
}));

stubResizeObserver();

beforeEach(() => {
	written.length = 0;
	search = '';
});

const totalParams = () => screen.getByTestId('total-params').textContent;
const totalMacs = () => screen.getByTestId('total-macs').textContent;
const channels = () =>
	within(screen.getByTestId('stage-table'))
		.getAllByRole('row')
		.slice(1, 10)
		.map((row) => within(row).getAllByRole('cell')[2].textContent);

describe('ScalingLab', () => {
	it('starts at B0: the paper Table 1 channels, exact params and MACs (facts.md A.1, A.7, B)', () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		expect(totalParams()).toBe('5,288,548');
		expect(totalMacs()).toBe('385.8 M');
		expect(channels()).toEqual(['32', '16', '24', '40', '80', '112', '192', '320', '1280']);
		expect(screen.getByRole('button', { name: 'Official EfficientNet-B0' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	it('the B7 preset shows the released B7 (facts.md A.7: 66,347,960 params, 37.75 G MACs, head 2560)', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		await fireEvent.click(screen.getByRole('button', { name: 'Official EfficientNet-B7' }));
		expect(totalParams()).toBe('66,347,960');
		expect(totalMacs()).toBe('37.75 G');
		expect(channels().at(-1)).toBe('2560');
		expect(screen.getByLabelText('φ value')).toHaveValue(7);
	});

	it('keeps a one-line summary of the MACs and the factor over B0 beside the controls (facts.md B)', async () => {
		render(ScalingLab, { lang: 'en' });
		const summary = screen.getByTestId('lab-summary');
		expect(within(summary).getByTestId('summary-macs').textContent).toBe('385.8 M');
		expect(within(summary).getByTestId('summary-factor').textContent).toBe('×1.00');
		await fireEvent.click(screen.getByRole('button', { name: 'Official EfficientNet-B7' }));
		expect(within(summary).getByTestId('summary-macs').textContent).toBe('37.75 G');
		// facts.md B rounds B7 to 37.75 G and B0 to 385.8 M: the factor lies within what the roundings allow.
		const factor = Number(within(summary).getByTestId('summary-factor').textContent!.slice(1));
		expect(factor).toBeGreaterThanOrEqual(Math.floor((37.745e9 / 385.85e6) * 100) / 100);
		expect(factor).toBeLessThanOrEqual(Math.ceil((37.755e9 / 385.75e6) * 100) / 100);
		expect(summary.textContent).toContain('EfficientNet-B7');
	});

	it('moving the φ slider changes the totals and the table, and leaves the preset', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		const phi = screen.getByRole('slider', { name: 'φ: compound coefficient' });
		await fireEvent.input(phi, { target: { value: '3' } });
		expect(totalParams()).not.toBe('5,288,548');
		expect(totalMacs()).not.toBe('385.8 M');
		// φ = 3 with the paper coefficients: width 1.1^3 = 1.331, so the stem is round8(32·1.331) = 40.
		expect(channels()[0]).toBe('40');
		expect(phi).toHaveAttribute(
			'aria-valuetext',
			expect.stringMatching(/^φ 3\.0: depth ×1\.73, width ×1\.33, 341 px/)
		);
		expect(screen.getByRole('button', { name: 'Official EfficientNet-B0' })).toHaveAttribute(
			'aria-pressed',
			'false'
		);
		expect(screen.getByRole('button', { name: 'paper α, β, γ' })).toHaveAttribute('aria-pressed', 'true');
	});

	it('keyboard on the slider steps φ by 0.1', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		const phi = screen.getByRole('slider', { name: 'φ: compound coefficient' }) as HTMLInputElement;
		phi.stepUp();
		await fireEvent.input(phi);
		expect(screen.getByLabelText('φ value')).toHaveValue(0.1);
	});

	it('the number input commits typed values and clamps out-of-range ones with a note', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		const alpha = screen.getByLabelText('α value');
		await fireEvent.focus(alpha);
		await fireEvent.input(alpha, { target: { value: '1.5' } });
		expect((screen.getByRole('slider', { name: /^α/ }) as HTMLInputElement).value).toBe('1.50');
		await fireEvent.input(alpha, { target: { value: '7' } });
		await fireEvent.blur(alpha);
		expect((screen.getByRole('slider', { name: /^α/ }) as HTMLInputElement).value).toBe('2.00');
		expect(screen.getByRole('status')).toHaveTextContent('α = 7 is outside 1.00…2.00; using 2.00.');
	});

	it('flags the constraint α·β²·γ² when it is off 2', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		expect(screen.getByTestId('constraint-status')).toHaveTextContent('within ±0.1 of 2');
		await fireEvent.input(screen.getByRole('slider', { name: /^γ/ }), { target: { value: '1.5' } });
		// 1.2 · 1.1² · 1.5² = 3.267
		expect(screen.getByTestId('constraint-status')).toHaveTextContent('off by +1.267 from 2');
	});

	it('restores the state from the URL and notes every corrected value', async () => {
		search = '?phi=abc&alpha=9&beta=1.1&gamma=1.15';
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		const notes = await screen.findByTestId('url-notes');
		expect(notes).toHaveTextContent('φ = “abc” is not a number; using 0.0.');
		expect(notes).toHaveTextContent('α = 9 is outside 1.00…2.00; using 2.00.');
		expect(screen.getByLabelText('α value')).toHaveValue(2);
		await fireEvent.click(within(notes).getByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByTestId('url-notes')).toBeNull();
	});

	it('writes the state to the URL after a change, not before', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(written).toEqual([]);
		await fireEvent.click(screen.getByRole('button', { name: 'Official EfficientNet-B4' }));
		await waitFor(() => expect(written.at(-1)).toBe('?variant=b4'), { timeout: 5000 });
		await fireEvent.input(screen.getByRole('slider', { name: /^β/ }), { target: { value: '1.25' } });
		await waitFor(() => expect(written.at(-1)).toBe('?phi=4.0&alpha=1.20&beta=1.25&gamma=1.15'), {
			timeout: 5000
		});
	});

	it('settles the exact curve and the three single-dimension networks', async () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'en' });
		await waitFor(() => expect(screen.getByTestId('exact-curve')).toBeInTheDocument(), { timeout: 5000 });
		await waitFor(() => expect(screen.getByTestId('shape-resolution')).toBeInTheDocument(), {
			timeout: 5000
		});
		// Depth only, width only and resolution only each find B0 again for B0's MACs.
		for (const dimension of ['depth', 'width', 'resolution']) {
			expect(screen.getByTestId(`shape-${dimension}`)).toHaveTextContent('385.8 MMACs (±0.0 %)');
		}
		// The receptive-field panel reads the same three networks: B0's 851 px for depth and width.
		expect(
			within(screen.getByTestId('last-stage')).getByText('width only: 851 px of 224 px (380 %)')
		).toBeInTheDocument();
	});

	it('speaks Chinese', () => {
		render(ScalingLab, { lab: new ScalingLabState(), lang: 'zh' });
		expect(screen.getByRole('slider', { name: 'φ：复合系数' })).toBeInTheDocument();
		expect(screen.getByRole('button', { name: '官方 EfficientNet-B3' })).toBeInTheDocument();
		expect(screen.getByText(/MACs 统计卷积层和全连接层的乘加次数/)).toBeInTheDocument();
		// Depthwise is 深度卷积 everywhere, as in the articles.
		expect(screen.getAllByText('深度卷积 k×k').length).toBeGreaterThan(0);
		expect(document.body.textContent).not.toMatch(/逐通道卷积|逐通道 k/);
		expect(screen.getByText('各阶段的感受野占输入的比例')).toBeInTheDocument();
	});
});
