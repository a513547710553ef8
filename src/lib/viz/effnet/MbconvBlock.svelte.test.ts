// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { formatInteger, formatMacs } from '$lib/viz/scaling/format';
import { ScalingLabState } from '$lib/viz/scaling/lab.svelte';
import { stageRows } from '$lib/viz/scaling/stage-table';
import MbconvBlock from './MbconvBlock.svelte';

stubResizeObserver();

const b0 = efficientnet({ variant: 'b0' });
const b0Cost = cost(b0);
const b0Rows = stageRows(b0, b0Cost);
const stepNames = () =>
	within(screen.getByTestId('mbconv-steps'))
		.getAllByRole('rowheader')
		.map((th) => th.textContent?.trim());

describe('MbconvBlock', () => {
	it("starts on B0's blocks.1.1 (24→144→24 at 56×56, with a residual); its total is the cost model's", () => {
		render(MbconvBlock, { lang: 'en', lab: new ScalingLabState() });
		expect(screen.getByRole('combobox', { name: 'Block' })).toHaveValue('blocks.1.1');
		expect(stepNames()).toContain('Expand 1×1 (×6)');
		expect(stepNames()).toContain('Depthwise 3×3');
		expect(stepNames()).toContain('Residual: add the block input');
		expect(screen.getByTestId('block-macs').textContent).toBe(formatInteger(b0Cost.stages[1].blocks[1].macs));
		expect(screen.getByTestId('block-params').textContent).toBe(
			formatInteger(b0Cost.stages[1].blocks[1].params)
		);
		// Stage 3 of the table (timm stage 1): its two blocks' steps sum to the table's row.
		expect(screen.getByTestId('stage-sum').textContent).toContain(`sum to ${formatMacs(b0Rows[2].macs)}MACs`);
		expect(screen.getByTestId('inverted').textContent).toContain('24 → 144 → 24');
	});

	it('another block: blocks.0.0 has no expand and no residual, and says why; the rows stay the same', async () => {
		render(MbconvBlock, { lang: 'en', lab: new ScalingLabState() });
		const before = stepNames().length;
		await fireEvent.change(screen.getByRole('combobox', { name: 'Block' }), {
			target: { value: 'blocks.0.0' }
		});
		expect(stepNames()).toHaveLength(before);
		expect(stepNames()).toContain('No expand: expansion ratio 1');
		expect(stepNames()).toContain('No residual: 32 → 16 channels');
		expect(screen.getByTestId('block-macs').textContent).toBe(formatInteger(b0Cost.stages[0].blocks[0].macs));
		await fireEvent.change(screen.getByRole('combobox', { name: 'Block' }), {
			target: { value: 'blocks.5.0' }
		});
		expect(stepNames()).toContain('Depthwise 5×5, stride 2');
		expect(stepNames()).toContain('No residual: stride 2 changes the map size');
	});

	it('follows the network on display in the lab: B7 has 55 blocks and its own costs', () => {
		const lab = new ScalingLabState();
		render(MbconvBlock, { lang: 'en', lab });
		lab.choosePreset('b7');
		flushSync();
		expect(screen.getByText('Inside an MBConv block of EfficientNet-B7')).toBeInTheDocument();
		expect(within(screen.getByRole('combobox')).getAllByRole('option')).toHaveLength(55);
		const b7 = cost(efficientnet({ variant: 'b7' }));
		expect(screen.getByTestId('block-macs').textContent).toBe(formatInteger(b7.stages[1].blocks[1].macs));
	});

	it('speaks Chinese: 深度卷积, 倒置, SiLU 与 ReLU', () => {
		render(MbconvBlock, { lang: 'zh', lab: new ScalingLabState() });
		expect(screen.getByRole('combobox', { name: '模块' })).toBeInTheDocument();
		expect(stepNames()).toContain('深度卷积 3×3');
		expect(screen.getByTestId('inverted').textContent).toContain('倒置');
		expect(screen.getByText('SiLU 与 ReLU')).toBeInTheDocument();
		expect(screen.getByTestId('stage-sum').textContent).toContain(formatMacs(b0Rows[2].macs));
	});
});
