/**
 * Words of the ImageNet comparison (ImageNetComparison.svelte, ImageNetTable.svelte) in both languages.
 * Every number comes in as an argument: the paper's rows (paper-imagenet.ts) or our cost model's counts.
 */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { formatCount } from './format';
import type { MarkedWidth } from './imagenet-chart';
import type { ImageNetRow, ModelFamily } from './paper-imagenet';

const one = (v: number) => v.toFixed(1);

/** Accessible name and readout of one paper row. */
export function rowLabel(r: ImageNetRow, lang: Language): string {
	const top5 =
		r.top5 === null
			? lang === 'en'
				? 'top-5 not given'
				: '未给出 top-5'
			: lang === 'en'
				? `top-5 ${one(r.top5)} %`
				: `top-5 ${one(r.top5)}%`;
	return lang === 'en'
		? `${r.model}: top-1 ${one(r.top1)} %, ${top5}, ${r.flopsM} M FLOPs, ${r.paramsM} M weights`
		: `${r.model}：top-1 ${one(r.top1)}%，${top5}，FLOPs ${r.flopsM}M，参数 ${r.paramsM}M`;
}

/** The sentence under the chart about the marked width. */
export function markedText(m: MarkedWidth, widthLabel: string, lang: Language): string {
	const macs = formatCount(m.macs, lang);
	const params = formatCount(m.params, lang);
	if (m.paper) {
		const p = m.paper;
		return lang === 'en'
			? `Marked: GhostNet ${widthLabel}×, ${macs} MACs and ${params} params by our cost model, against the paper’s rounded ${p.flopsM} M FLOPs and ${p.paramsM} M weights; the paper reports ${one(p.top1)} % top-1.`
			: `标出的是 GhostNet ${widthLabel}×：我们的代价模型算得 ${macs} 次乘加、${params} 个参数，论文给出的是取整后的 ${p.flopsM}M FLOPs 和 ${p.paramsM}M 参数；论文报告的 top-1 为 ${one(p.top1)}%。`;
	}
	return lang === 'en'
		? `Marked: GhostNet ${widthLabel}×, ${macs} MACs and ${params} params by our cost model. The paper trained no network of this width, so there is no accuracy for it: the line only shows where its cost falls.`
		: `标出的是 GhostNet ${widthLabel}×：我们的代价模型算得 ${macs} 次乘加、${params} 个参数。论文没有训练这个宽度的网络，所以它没有准确率，这条线只表示它的计算量落在哪里。`;
}

export const IMAGENET_TEXT: Localized<{
	title: string;
	families: Record<ModelFamily, string>;
	x: string;
	y: string;
	hint: PointerText;
	widths: string;
	ruleLabel: (w: string) => string;
	caption: string;
}> = {
	en: {
		title: 'GhostNet on ImageNet against other small networks (the paper’s numbers)',
		families: {
			ghostnet: 'GhostNet 0.5×, 1.0×, 1.3×',
			mobilenet: 'MobileNet V1, V2, V3',
			shufflenet: 'ShuffleNet V1, V2',
			other: 'FE-Net, FBNet, ProxylessNAS, MnasNet'
		},
		x: 'FLOPs (M multiply-adds)',
		y: 'ImageNet top-1 (%)',
		hint: {
			fine: 'Point at a dot, or tab to a group and use the arrow keys, for its values.',
			coarse: 'Tap a dot, or tab to a group and use the arrow keys, for its values.'
		},
		widths: 'Mark a GhostNet width (the GhostNet table above shows the same one)',
		ruleLabel: (w) => `ours ${w}×`,
		caption:
			'Dots: ImageNet top-1 accuracy against FLOPs (multiply-adds, rounded to millions) and the weights of each network, all as the GhostNet paper reports them in its comparison of small networks (§4.2); the values come from secondary copies of that table (the GhostNet rows agree with Papers with Code), and a dash in the table means the paper gives no top-5. None of these networks was trained or measured here. The dashed line is ours: the exact MACs (convolution and fully connected layers) that our cost model counts for the GhostNet width on display, computed from the same spec that builds the network.'
	},
	zh: {
		title: 'GhostNet 与其他小型网络在 ImageNet 上的对比（论文数据）',
		families: {
			ghostnet: 'GhostNet 0.5×、1.0×、1.3×',
			mobilenet: 'MobileNet V1、V2、V3',
			shufflenet: 'ShuffleNet V1、V2',
			other: 'FE-Net、FBNet、ProxylessNAS、MnasNet'
		},
		x: 'FLOPs（百万次乘加）',
		y: 'ImageNet top-1（%）',
		hint: {
			fine: '把鼠标移到点上，或用 Tab 键进入一组点后按方向键，查看数值。',
			coarse: '轻点一个点，或用 Tab 键进入一组点后按方向键，查看数值。'
		},
		widths: '标出一个 GhostNet 宽度（与上面的 GhostNet 表格同步）',
		ruleLabel: (w) => `本站 ${w}×`,
		caption:
			'圆点等标记：各网络在 ImageNet 上的 top-1 准确率、FLOPs（乘加次数，取整到百万）和参数量，全部是 GhostNet 论文在小型网络对比中报告的数值（§4.2）；数据取自该表格的二手转载（GhostNet 各行与 Papers with Code 一致），表中的“–”表示论文没有给出 top-5。这些网络都没有在本站训练或测量。虚线是本站的：我们的代价模型按当前显示的 GhostNet 宽度、从构建网络的同一份规格精确算出的 MACs（只计卷积层和全连接层）。'
	}
};

export const IMAGENET_TABLE_TEXT: Localized<{
	summary: string;
	region: string;
	columns: [string, string, string, string, string];
	ours: (w: string) => string;
	notTrained: string;
	notGiven: string;
}> = {
	en: {
		summary: 'The numbers as a table',
		region: 'ImageNet comparison table',
		columns: ['network', 'weights (M)', 'FLOPs (M)', 'top-1 (%)', 'top-5 (%)'],
		ours: (w) => `GhostNet ${w}×, our cost model (exact)`,
		notTrained: 'not trained',
		notGiven: '–'
	},
	zh: {
		summary: '以表格查看数据',
		region: 'ImageNet 对比表',
		columns: ['网络', '参数量（M）', 'FLOPs（M）', 'top-1（%）', 'top-5（%）'],
		ours: (w) => `GhostNet ${w}×，本站代价模型（精确值）`,
		notTrained: '未训练',
		notGiven: '–'
	}
};
