// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { GhostNetWidth } from './ghostnet-width.svelte';
import ImageNetComparison from './ImageNetComparison.svelte';

stubResizeObserver();

const marked = () => screen.getByTestId('imagenet-marked').textContent ?? '';

describe('ImageNetComparison', () => {
	it('draws every row of facts.md C.4 as a focusable point in four groups', () => {
		render(ImageNetComparison, { lang: 'en', selection: new GhostNetWidth() });
		const groups = screen.getAllByRole('listbox');
		expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual([
			'FE-Net, FBNet, ProxylessNAS, MnasNet',
			'ShuffleNet V1, V2',
			'MobileNet V1, V2, V3',
			'GhostNet 0.5×, 1.0×, 1.3×'
		]);
		expect(screen.getAllByRole('option')).toHaveLength(19);
		const ghost = within(groups[3])
			.getAllByRole('option')
			.map((o) => o.getAttribute('aria-label'));
		expect(ghost[2]).toBe('GhostNet 1.3×: top-1 75.7 %, top-5 92.7 %, 226 M FLOPs, 7.3 M weights');
		const v3 = screen.getByRole('option', { name: /^MobileNetV3 Large 1\.0×/ });
		expect(v3.getAttribute('aria-label')).toBe(
			'MobileNetV3 Large 1.0×: top-1 75.2 %, top-5 not given, 219 M FLOPs, 5.4 M weights'
		);
	});

	it('marks the width on display with the exact MACs of our cost model beside the paper’s FLOPs', () => {
		render(ImageNetComparison, { lang: 'en', selection: new GhostNetWidth() });
		expect(marked()).toContain('GhostNet 1.0×, 141,150,512 MACs and 5,182,508 params');
		expect(marked()).toContain('rounded 141 M FLOPs and 5.2 M weights');
		expect(marked()).toContain('73.9 % top-1');
		const ours = screen.getByTestId('imagenet-ours');
		expect(ours.textContent).toContain('141.150512');
		expect(ours.textContent).toContain('5.182508');
	});

	it('follows the shared width: a width the paper did not train has no accuracy', async () => {
		const selection = new GhostNetWidth();
		render(ImageNetComparison, { lang: 'en', selection });
		const rule = () => screen.getByText(/^ours /);
		expect(rule().textContent).toBe('ours 1.0×');
		selection.slider = 0.75;
		await tick();
		expect(marked()).toContain('GhostNet 0.75×');
		expect(marked()).toContain('trained no network of this width');
		expect(screen.getByTestId('imagenet-ours').textContent).toContain('not trained');
		await fireEvent.click(screen.getByRole('button', { name: '1.3×' }));
		expect(selection.width).toBe(1.3);
		expect(marked()).toContain('7,358,820 params');
		expect(screen.getByRole('button', { name: '1.3×' })).toHaveAttribute('aria-pressed', 'true');
	});

	it('keyboard: a group takes focus, arrows move through its points and the readout follows', async () => {
		render(ImageNetComparison, { lang: 'en', selection: new GhostNetWidth() });
		const ghost = screen.getByRole('listbox', { name: /^GhostNet/ });
		await fireEvent.focus(ghost);
		await fireEvent.keyDown(ghost, { key: 'ArrowRight' });
		expect(screen.getByTestId('imagenet-readout').textContent).toContain('GhostNet 1.0×: top-1 73.9 %');
		await fireEvent.keyDown(ghost, { key: 'Escape' });
		expect(screen.getByTestId('imagenet-readout').textContent).toContain('arrow keys');
	});

	it('speaks Chinese, and its caption says where the numbers come from', () => {
		render(ImageNetComparison, { lang: 'zh', selection: new GhostNetWidth() });
		expect(screen.getByRole('figure')).toHaveAccessibleName(
			'GhostNet 与其他小型网络在 ImageNet 上的对比（论文数据）'
		);
		expect(screen.getByRole('figure')).toHaveAccessibleDescription(/Papers with Code/);
		expect(marked()).toContain('我们的代价模型算得 141,150,512 次乘加');
		expect(screen.getByText('以表格查看数据')).toBeInTheDocument();
		expect(screen.getByRole('listbox', { name: 'MobileNet V1、V2、V3' })).toBeInTheDocument();
	});
});
