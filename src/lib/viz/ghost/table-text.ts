/** Strings of the GhostNet table (GhostNetTable.svelte), in both languages. */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Operator } from './ghostnet-table';

export interface TableText {
	caption: (width: string) => string;
	widthLabel: string;
	widthValue: (w: string) => string;
	presets: string;
	columns: {
		input: string;
		operator: string;
		exp: string;
		out: string;
		se: string;
		stride: string;
		params: string;
		macs: string;
	};
	total: string;
	showBlock: (name: string) => string;
	detailHeading: (name: string) => string;
	blockCost: (params: string, macs: string) => string;
	hint: PointerText;
	notCounted: string;
}

export function operatorName(op: Operator): string {
	switch (op.kind) {
		case 'conv':
			return `Conv2d ${op.kernel}×${op.kernel}`;
		case 'bottleneck':
			return 'G-bneck';
		case 'pool':
			return `AvgPool ${op.kernel}×${op.kernel}`;
		case 'fc':
			return 'FC';
	}
}

export const tableText: Localized<TableText> = {
	zh: {
		caption: (w) => `GhostNet ${w}× 的整体结构（按论文表格的版式），由网络规格生成，每行附参数量和乘加数。`,
		widthLabel: '宽度系数',
		widthValue: (w) => `宽度系数 ${w}`,
		presets: '论文中的宽度',
		columns: {
			input: '输入',
			operator: '算子',
			exp: '#exp',
			out: '#out',
			se: 'SE',
			stride: '步长',
			params: '参数量',
			macs: '乘加数'
		},
		total: '合计',
		showBlock: (name) => `显示 ${name} 的结构图`,
		detailHeading: (name) => `${name} 的结构`,
		blockCost: (params, macs) => `这个 bottleneck 有 ${params} 个参数，${macs} 次乘加。`,
		hint: {
			fine: '点击表中的 G-bneck 行（或用 Tab 选中后按 Enter），可以看到该模块的结构图和真实通道数。',
			coarse: '轻点表中的 G-bneck 行（或用 Tab 选中后按 Enter），可以看到该模块的结构图和真实通道数。'
		},
		notCounted: '不计'
	},
	en: {
		caption: (w) =>
			`GhostNet ${w}×, overall architecture in the paper’s layout, generated from the network spec, with params and MACs per row.`,
		widthLabel: 'Width multiplier',
		widthValue: (w) => `width multiplier ${w}`,
		presets: 'Widths in the paper',
		columns: {
			input: 'Input',
			operator: 'Operator',
			exp: '#exp',
			out: '#out',
			se: 'SE',
			stride: 'Stride',
			params: 'Params',
			macs: 'MACs'
		},
		total: 'Total',
		showBlock: (name) => `Show the diagram of ${name}`,
		detailHeading: (name) => `Structure of ${name}`,
		blockCost: (params, macs) => `This bottleneck has ${params} parameters and needs ${macs} multiply-adds.`,
		hint: {
			fine: 'Click a G-bneck row of the table (or Tab to it and press Enter) to see that block’s diagram with its real channel counts.',
			coarse:
				'Tap a G-bneck row of the table (or Tab to it and press Enter) to see that block’s diagram with its real channel counts.'
		},
		notCounted: 'not counted'
	}
};
