/**
 * Words of the Ghost-EfficientNet figure (GhostEfficientNet.svelte and its parts) in both languages.
 * Every number comes in from ghost-effnet.ts, i.e. from cost(spec).
 */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { formatMacs } from '$lib/viz/scaling/format';
import { formatCount, formatRatio } from './format';
import type { GhostEfficientNet, StageMacs } from './ghost-effnet';

export const variantName = (m: Pick<GhostEfficientNet, 'variant'>) =>
	`EfficientNet-${m.variant.toUpperCase()}`;

/** "EfficientNet-B0" or "EfficientNet-B0 with Ghost modules (s = 2, d = 3)". */
export function shownName(m: GhostEfficientNet, lang: Language): string {
	if (!m.ghost) return variantName(m);
	return lang === 'en'
		? `${variantName(m)} with Ghost modules (s = ${m.ratio}, d = 3)`
		: `带 Ghost 模块的 ${variantName(m)}（s = ${m.ratio}，d = 3）`;
}

/**
 * The stage table's name: about as long for both states of the toggle (the table sits under its own
 * title, so a longer name would move it when the toggle changes).
 */
export function tableName(m: GhostEfficientNet, lang: Language): string {
	if (lang === 'en') return `${variantName(m)}, ${m.ghost ? `Ghost s = ${m.ratio}` : 'as released'}`;
	return `${variantName(m)}（${m.ghost ? `Ghost，s = ${m.ratio}` : '原网络，未替换'}）`;
}

export function stageLabel(row: StageMacs, lang: Language): string {
	const ratio = formatRatio(row.released / row.shown);
	return lang === 'en'
		? `Stage ${row.stage}: released ${formatMacs(row.released)}MACs, on display ${formatMacs(row.shown)}MACs (${ratio}× fewer)`
		: `阶段 ${row.stage}：原网络 ${formatMacs(row.released)}MACs，当前显示 ${formatMacs(row.shown)}MACs（少 ${ratio} 倍）`;
}

/** What the swap saves (or, when off, what it could touch at most). */
export function savingText(m: GhostEfficientNet, lang: Language): string {
	const share = `${(m.swappableShare * 100).toFixed(1)}`;
	const r = m.released.cost;
	const s = m.shown.cost;
	const n = (v: number) => formatCount(v, lang);
	if (!m.ghost)
		return lang === 'en'
			? `The 1×1 expand and project convolutions hold ${share} % of ${variantName(m)}’s MACs: that is all a swap for Ghost modules can touch. Switch it on to see the exact cost.`
			: `1×1 扩张和投影卷积占 ${variantName(m)} 乘加数的 ${share}%：换成 Ghost 模块只能动到这一部分。打开开关即可看到精确的代价。`;
	return lang === 'en'
		? `With Ghost modules (s = ${m.ratio}, d = 3), ${variantName(m)} needs ${n(s.macs)} MACs instead of ${n(r.macs)} (${formatRatio(r.macs / s.macs)}× fewer) and ${n(s.params)} params instead of ${n(r.params)}. The 1×1 convolutions it swaps hold ${share} % of the MACs; the stem, the depthwise convolutions, SE, the head and the classifier stay as they were.`
		: `换成 Ghost 模块（s = ${m.ratio}，d = 3）后，${variantName(m)} 需要 ${n(s.macs)} 次乘加（原为 ${n(r.macs)}，少 ${formatRatio(r.macs / s.macs)} 倍），参数 ${n(s.params)} 个（原为 ${n(r.params)} 个）。被替换的 1×1 卷积占乘加数的 ${share}%；stem、深度卷积、SE、head 和分类器保持不变。`;
}

export const GHOST_EFFNET_TEXT: Localized<{
	title: string;
	variants: string;
	toggle: string;
	ratio: string;
	ratioValue: (s: number) => string;
	untrained: string;
	totalsCaption: string;
	columns: [string, string, string];
	released: (name: string) => string;
	onDisplay: string;
	chartTitle: string;
	chartName: string;
	legendReleased: string;
	legendShown: string;
	x: string;
	y: string;
	hint: PointerText;
	caption: string;
}> = {
	en: {
		title: 'Ghost modules inside EfficientNet: what they would save',
		variants: 'EfficientNet variant',
		toggle: 'Replace each 1×1 expand and project convolution with a Ghost module',
		ratio: 's (Ghost ratio)',
		ratioValue: (s) => `s = ${s}: each intrinsic map gives ${s} output maps`,
		untrained:
			'This network was never trained: neither paper built it, no weights exist for it, and it has no accuracy. Only its cost is known, and that exactly.',
		totalsCaption: 'Totals',
		columns: ['network', 'params', 'MACs'],
		released: (name) => `${name}, as released`,
		onDisplay: 'on display',
		chartTitle: 'MACs per stage: the released network and the one on display',
		chartName: 'MACs per stage; arrow keys step through the stages',
		legendReleased: 'released',
		legendShown: 'on display',
		x: 'MACs',
		y: 'stage',
		hint: {
			fine: 'Point at a stage, or tab to the chart and use the arrow keys, for its MACs.',
			coarse: 'Tap a stage, or tab to the chart and use the arrow keys, for its MACs.'
		},
		caption:
			'Each 1×1 expand and project convolution (with its BatchNorm) of the EfficientNet on display becomes a Ghost module as GhostNet builds them: a 1×1 primary convolution to ⌈n/s⌉ intrinsic maps and a 3×3 depthwise cheap operation for the rest, each followed by BatchNorm and by the activation the replaced convolution had. The params and MACs are counted by our cost model from that transformed spec, exactly as for every other network on this site (MACs of convolution and fully connected layers). Stage table, totals and chart all come from it.'
	},
	zh: {
		title: 'EfficientNet 里的 Ghost 模块：能省下多少',
		variants: 'EfficientNet 版本',
		toggle: '把每个 1×1 扩张卷积和投影卷积换成 Ghost 模块',
		ratio: 's（Ghost 比例）',
		ratioValue: (s) => `s = ${s}，每个内在特征图得到 ${s} 个输出特征图`,
		untrained:
			'这个网络从未训练过：两篇论文都没有构建它，也没有它的权重，因此它没有准确率。我们只知道它的代价，而且是精确的。',
		totalsCaption: '总计',
		columns: ['网络', '参数量', 'MACs'],
		released: (name) => `${name}（官方发布）`,
		onDisplay: '当前显示',
		chartTitle: '各阶段的 MACs：原网络与当前显示的网络',
		chartName: '各阶段的 MACs；用方向键逐个阶段查看',
		legendReleased: '原网络',
		legendShown: '当前显示',
		x: 'MACs',
		y: '阶段',
		hint: {
			fine: '把鼠标移到某个阶段上，或用 Tab 键进入图表后按方向键，查看它的 MACs。',
			coarse: '轻点某个阶段，或用 Tab 键进入图表后按方向键，查看它的 MACs。'
		},
		caption:
			'当前 EfficientNet 中每个 1×1 扩张卷积和投影卷积（连同其 BN）都换成 GhostNet 那样的 Ghost 模块：一个 1×1 主卷积生成 ⌈n/s⌉ 个内在特征图，其余由 3×3 深度卷积这一廉价操作生成，两者之后各接 BN 和被替换卷积原有的激活函数。参数量和乘加数由我们的代价模型从变换后的网络规格算出，与本站其他网络的算法完全相同（只计卷积层和全连接层的乘加）。阶段表、总计和图表都由它得出。'
	}
};
