// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import GhostBottlenecks from './GhostBottlenecks.svelte';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';

stubResizeObserver();

const diagrams = (container: HTMLElement) =>
	[...container.querySelectorAll('[data-testid="bottleneck-svg"]')].map((svg) => ({
		block: svg.getAttribute('data-block'),
		steps: [...svg.querySelectorAll('[data-step]')].map((g) => g.getAttribute('data-step')),
		shortcutBoxes: svg.querySelectorAll('[data-testid="shortcut-box"]').length
	}));

describe('GhostBottlenecks', () => {
	it('draws a stride-1 and a stride-2 bottleneck from GhostNet 1.0×', () => {
		const { container } = render(GhostBottlenecks, { lang: 'en' });
		expect(diagrams(container)).toEqual([
			{ block: 'blocks.0.0', steps: ['input', 'ghost', 'ghost', 'add', 'output'], shortcutBoxes: 0 },
			{
				block: 'blocks.1.0',
				steps: ['input', 'ghost', 'depthwise', 'ghost', 'add', 'output'],
				shortcutBoxes: 2
			}
		]);
		expect(container.textContent).toContain('identity shortcut');
		// blocks.1.0: 16 → 48 → 24 at stride 2 (facts.md C.6)
		expect(container.textContent).toContain('Ghost module 1 (expand): 16→48');
		expect(container.textContent).toContain('1×1: 24 + 3×3 dw: 24 · BN, ReLU');
		expect(container.textContent).toContain('1×1: 12 + 3×3 dw: 12 · BN, no ReLU');
		expect(container.textContent).toContain('Depthwise 3×3, stride 2');
		expect(container.textContent).toContain('16→24 · BN'); // projection shortcut
	});

	it('switches to blocks with SE, with the SE width of the spec', async () => {
		const { container } = render(GhostBottlenecks, { lang: 'zh' });
		const said = screen.getByTestId('bottlenecks-change');
		expect(said).toHaveAttribute('aria-live', 'polite');
		expect(said).toHaveTextContent(/^$/);
		await fireEvent.click(screen.getByRole('checkbox', { name: '带 SE 模块' }));
		expect(said).toHaveTextContent('现在显示带 SE 模块的 blocks.4.0（步长 1）和 blocks.3.0（步长 2）。');
		const [one, two] = diagrams(container);
		expect(one).toMatchObject({
			block: 'blocks.4.0',
			steps: ['input', 'ghost', 'se', 'ghost', 'add', 'output']
		});
		expect(two.block).toBe('blocks.3.0');
		expect(two.steps).toEqual(['input', 'ghost', 'depthwise', 'se', 'ghost', 'add', 'output']);
		expect(container.textContent).toContain('120→32→120'); // blocks.4.0 SE (facts.md C.6)
		expect(container.textContent).toContain('72→20→72'); // blocks.3.0 SE
	});

	it('describes each drawing for screen readers', () => {
		render(GhostBottlenecks, { lang: 'en' });
		const svg = screen.getByRole('img', { name: 'blocks.1.0: stride-2 Ghost bottleneck' });
		expect(svg).toHaveAccessibleDescription(
			/Input \(112×112×16\); .* Output \(56×56×24\); add: Depthwise 3×3 \(stride 2 · 16 ch · BN\) → 1×1 conv/
		);
	});
});
