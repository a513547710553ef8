// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import GhostModuleDiagram from './GhostModuleDiagram.svelte';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';

stubResizeObserver();

function countMaps(container: HTMLElement) {
	const ghost = container.querySelector('[data-testid="ghost-svg"]')!;
	const conv = container.querySelector('[data-testid="conv-svg"]')!;
	const kinds = [...ghost.querySelectorAll('rect[data-kind]')].map((r) => r.getAttribute('data-kind'));
	return {
		intrinsic: ghost.querySelectorAll('rect.intrinsic').length,
		identity: kinds.filter((k) => k === 'identity').length,
		ghost: kinds.filter((k) => k === 'ghost').length,
		dropped: kinds.filter((k) => k === 'dropped').length,
		cheapEdges: ghost.querySelectorAll('path.cheap-edge').length,
		identityEdges: ghost.querySelectorAll('line.identity-edge').length - 1, // minus the legend sample
		convOutputs: conv.querySelectorAll('rect.map').length
	};
}

describe('GhostModuleDiagram', () => {
	it('draws m = n/s intrinsic maps and (s − 1)·m ghost maps for the given n and s', () => {
		const { container } = render(GhostModuleDiagram, { lang: 'en', n: 12, s: 3 });
		expect(countMaps(container)).toEqual({
			intrinsic: 4,
			identity: 4,
			ghost: 8,
			dropped: 0,
			cheapEdges: 8,
			identityEdges: 4,
			convOutputs: 12
		});
		expect(screen.getByTestId('module-description').textContent).toContain(
			'm = ⌈n/s⌉ = 4 intrinsic maps; 8 cheap d×d depthwise operations Φ (2 per intrinsic map)'
		);
	});

	it('follows the n and s sliders', async () => {
		const { container } = render(GhostModuleDiagram, { lang: 'en', n: 12, s: 3 });
		await fireEvent.input(screen.getByRole('slider', { name: 's (ratio)' }), { target: { value: '2' } });
		expect(countMaps(container)).toMatchObject({ intrinsic: 6, identity: 6, ghost: 6, convOutputs: 12 });
		await fireEvent.input(screen.getByRole('slider', { name: 'n (output maps)' }), {
			target: { value: '20' }
		});
		expect(countMaps(container)).toMatchObject({ intrinsic: 10, ghost: 10, convOutputs: 20 });
		expect(container.querySelector('[data-testid="ghost-svg"]')!.textContent).toContain('n = 20');
	});

	it('shows the surplus maps the implementation slices off when s does not divide n', async () => {
		const { container } = render(GhostModuleDiagram, { lang: 'zh', n: 10, s: 3 });
		expect(countMaps(container)).toMatchObject({ intrinsic: 4, identity: 4, ghost: 6, dropped: 2 });
		expect(screen.getByTestId('module-description').textContent).toContain('多出的 2 个 ghost 特征图被切掉');
	});

	it('is an ordinary convolution plus identity for s = 1', () => {
		const { container } = render(GhostModuleDiagram, { lang: 'en', n: 5, s: 1 });
		expect(countMaps(container)).toMatchObject({ intrinsic: 5, ghost: 0, cheapEdges: 0 });
		expect(screen.getByTestId('module-description').textContent).toContain('no ghost maps');
	});

	it('gives both drawings an accessible name and description', () => {
		render(GhostModuleDiagram, { lang: 'zh', n: 12, s: 3 });
		const ghost = screen.getByRole('img', { name: /Ghost 模块/ });
		expect(ghost).toHaveAccessibleDescription(/m = ⌈n\/s⌉ = 4 个内在特征图/);
		expect(screen.getByRole('img', { name: /普通卷积/ })).toHaveAccessibleDescription(/n = 12/);
	});
});
