// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { GhostNetWidth } from './ghostnet-width.svelte';
import ModuleSavings from './ModuleSavings.svelte';

const cells = (container: HTMLElement, key: string) =>
	[...container.querySelectorAll(`tr[data-module="${key}"] th, tr[data-module="${key}"] td`)].map((c) =>
		c.textContent?.trim()
	);

describe('ModuleSavings', () => {
	it('lists all 32 Ghost modules of GhostNet 1.0× against the ordinary convs they replace', () => {
		const { container } = render(ModuleSavings, { lang: 'en', selection: new GhostNetWidth() });
		expect(container.querySelectorAll('tr[data-module]')).toHaveLength(32);
		// 112·112·(8·16 + 8·9) against 112·112·16·16: 16 / 12.5.
		expect(cells(container, 'blocks.0.0.ghost1')).toEqual([
			'blocks.0.0.ghost1',
			'16 → 16',
			'112 × 112',
			'3,211,264',
			'2,508,800',
			'1.280'
		]);
		expect(cells(container, 'blocks.6.3.ghost2').slice(3)).toEqual(['10,536,960', '5,367,264', '1.963']);
		const summary = screen.getByTestId('savings-summary').textContent;
		expect(summary).toContain('its 32 Ghost modules need 113,695,680 MACs');
		expect(summary).toContain('would need 202,610,688: a factor 1.782, not s = 2');
		expect(summary).toContain('from 230,065,520 to 141,150,512 MACs');
	});

	it('says why the ratio is below s: a 1×1 primary conv and a 3×3 cheap operation', () => {
		render(ModuleSavings, { lang: 'en', selection: new GhostNetWidth() });
		const why = screen.getByTestId('savings-why').textContent;
		expect(why).toContain('the primary convolution is 1×1 (k = 1) and the cheap operation 3×3 (d = 3)');
		expect(why).toContain('r_s = c / (c/2 + 9/2)');
		expect(why).toContain('from 1.280 (c = 16, blocks.0.0.ghost1) to 1.981 (c = 960');
	});

	it('follows the width chosen in the GhostNet table', async () => {
		const selection = new GhostNetWidth();
		const { container } = render(ModuleSavings, { lang: 'en', selection });
		selection.slider = 0.5;
		await tick();
		expect(screen.getByRole('heading').textContent).toContain('GhostNet 0.5×');
		// facts.md C.6: blocks.0.0 at 0.5× is 8 → 8 → 8; 8 / (4 + 4.5).
		expect(cells(container, 'blocks.0.0.ghost1').slice(1, 2)).toEqual(['8 → 8']);
		expect(cells(container, 'blocks.0.0.ghost1')[5]).toBe((8 / 8.5).toFixed(3));
	});

	it('keeps the table in a focusable, labelled scroll region, and speaks Chinese', () => {
		render(ModuleSavings, { lang: 'zh', selection: new GhostNetWidth() });
		const region = screen.getByRole('region', { name: '每个 Ghost 模块与它所替换的普通卷积的乘加数' });
		expect(region).toHaveAttribute('tabindex', '0');
		expect(screen.getByTestId('savings-summary').textContent).toContain('只省下 1.782 倍，不是 s = 2 倍');
		expect(screen.getByTestId('savings-why').textContent).toContain('主卷积是 1×1');
	});
});
