// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { cost, efficientnet, ghostEfficientNet } from '$lib/nets';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import GhostEfficientNet from './GhostEfficientNet.svelte';

stubResizeObserver();

const grouped = (v: number) => v.toLocaleString('en-US');
const ghostCost = (variant: 'b0' | 'b3', ratio: number) =>
	cost(ghostEfficientNet(efficientnet({ variant }), { ratio, cheapKernel: 3 }));

describe('GhostEfficientNet', () => {
	it('shows EfficientNet-B0 with Ghost modules (s = 2) costed from the transformed spec', () => {
		render(GhostEfficientNet, { lang: 'en' });
		const shown = screen.getByTestId('ghost-effnet-shown');
		const name = screen.getByTestId('ghost-effnet-shown-name');
		const b0 = ghostCost('b0', 2);
		expect(name.textContent).toContain('EfficientNet-B0 with Ghost modules (s = 2, d = 3)');
		expect(name.textContent).toContain('efficientnet_b0_ghost_s2');
		expect(shown.textContent).toContain(grouped(b0.params));
		expect(screen.getByTestId('ghost-effnet-released').textContent).toContain('5,288,548');
		expect(screen.getByTestId('ghost-effnet-saving').textContent).toContain(`needs ${grouped(b0.macs)} MACs`);
		expect(screen.getByTestId('total-params').textContent).toBe(grouped(b0.params));
	});

	it('says plainly that the network was never trained and has no accuracy', () => {
		render(GhostEfficientNet, { lang: 'en' });
		expect(screen.getByRole('note').textContent).toContain('never trained');
		expect(
			screen.getByRole('figure', { name: /Ghost modules inside EfficientNet/ })
		).toHaveAccessibleDescription(/it has no accuracy/);
	});

	it('the toggle switches the stage table and totals back to the released network', async () => {
		render(GhostEfficientNet, { lang: 'en' });
		await fireEvent.click(screen.getByRole('checkbox'));
		expect(screen.getByTestId('total-params').textContent).toBe('5,288,548');
		expect(screen.getByTestId('ghost-effnet-shown-name').textContent).toContain('efficientnet_b0');
		expect(screen.getByTestId('ghost-effnet-shown-name').textContent).not.toContain('ghost');
		expect(screen.getByTestId('ghost-effnet-saving').textContent).toContain(
			'all a swap for Ghost modules can touch'
		);
	});

	it('follows the variant and s', async () => {
		render(GhostEfficientNet, { lang: 'en' });
		await fireEvent.click(screen.getByRole('button', { name: 'B3' }));
		await fireEvent.input(screen.getByRole('slider', { name: 's (Ghost ratio)' }), {
			target: { value: '4' }
		});
		const b3 = ghostCost('b3', 4);
		expect(screen.getByTestId('total-params').textContent).toBe(grouped(b3.params));
		expect(screen.getByTestId('ghost-effnet-shown-name').textContent).toContain('efficientnet_b3_ghost_s4');
		expect(screen.getByRole('button', { name: 'B3' })).toHaveAttribute('aria-pressed', 'true');
	});

	it('keyboard: the chart is one tab stop and arrows read the stages out', async () => {
		render(GhostEfficientNet, { lang: 'en' });
		const chart = screen.getByRole('listbox', { name: /MACs per stage/ });
		expect(within(chart).getAllByRole('option')).toHaveLength(9);
		await fireEvent.focus(chart);
		await fireEvent.keyDown(chart, { key: 'ArrowDown' });
		expect(screen.getByTestId('ghost-effnet-readout').textContent).toMatch(
			/^Stage 2: released .* on display /
		);
		await fireEvent.keyDown(chart, { key: 'Escape' });
		expect(screen.getByTestId('ghost-effnet-readout').textContent).toContain('arrow keys');
	});

	it('speaks Chinese', () => {
		render(GhostEfficientNet, { lang: 'zh' });
		expect(screen.getByRole('note').textContent).toContain('从未训练过');
		expect(
			screen.getByRole('checkbox', { name: '把每个 1×1 扩张卷积和投影卷积换成 Ghost 模块' })
		).toBeChecked();
		expect(screen.getByTestId('ghost-effnet-shown-name').textContent).toContain(
			'带 Ghost 模块的 EfficientNet-B0（s = 2，d = 3）'
		);
	});
});
