/**
 * Words of the per-module savings table (ModuleSavings.svelte) in both languages; every number comes in
 * from module-savings.ts.
 */
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { formatCount, formatRatio } from './format';
import type { ModuleSaving, ModuleSavings } from './module-savings';

export function savingsSummary(v: ModuleSavings, widthLabel: string, lang: Language): string {
	const n = (x: number) => formatCount(x, lang);
	const s = v.modules[0].s;
	return lang === 'en'
		? `GhostNet ${widthLabel}×: its ${v.modules.length} Ghost modules need ${n(v.total.ghost)} MACs, where ordinary convolutions with the same c, n, kernel and stride would need ${n(v.total.conv)}: a factor ${formatRatio(v.total.ratio)}, not s = ${s}. The whole network goes from ${n(v.network.conv)} to ${n(v.network.ghost)} MACs (a factor ${formatRatio(v.network.ratio)}), because the stem, the depthwise convolutions, SE, the head and the classifier stay the same.`
		: `GhostNet ${widthLabel}×：它的 ${v.modules.length} 个 Ghost 模块共需 ${n(v.total.ghost)} 次乘加，而 c、n、卷积核和步长都相同的普通卷积需要 ${n(v.total.conv)} 次：只省下 ${formatRatio(v.total.ratio)} 倍，不是 s = ${s} 倍。整个网络从 ${n(v.network.conv)} 次乘加降到 ${n(v.network.ghost)} 次（${formatRatio(v.network.ratio)} 倍），因为 stem、深度卷积、SE、head 和分类器都不变。`;
}

/** Why the ratio stays below s, with the module kernels and the two extreme modules. */
export function savingsWhy(v: ModuleSavings, lang: Language): string {
	const { k, d, s } = v.modules[0];
	const kk = k * k;
	const dd = d * d;
	const ends = (m: ModuleSaving) => `${formatRatio(m.ratio)} (c = ${m.c}, ${m.key})`;
	const ckk = kk === 1 ? 'c' : `${kk}c`;
	const formula = `r_s = ${ckk} / (${ckk}/${s} + ${dd * (s - 1)}/${s})`;
	return lang === 'en'
		? `Why below s: in GhostNet the primary convolution is ${k}×${k} (k = ${k}) and the cheap operation ${d}×${d} (d = ${d}), so a ghost map costs d·d = ${dd} multiply-adds per pixel while an intrinsic map costs c·k·k = ${ckk}. The paper’s ratio becomes ${formula}, which nears s only when c is much larger than ${dd}: here it runs from ${ends(v.least)} to ${ends(v.most)}.`
		: `为什么不到 s：GhostNet 的主卷积是 ${k}×${k}（k = ${k}），廉价操作是 ${d}×${d}（d = ${d}），所以每个像素上一张 ghost 特征图要 d·d = ${dd} 次乘加，而一张内在特征图要 c·k·k = ${ckk} 次。论文的加速比就成了 ${formula}，只有 c 远大于 ${dd} 时才接近 s：这里从 ${ends(v.least)} 到 ${ends(v.most)}。`;
}

export const SAVINGS_TEXT: Localized<{
	title: (w: string) => string;
	region: string;
	columns: [string, string, string, string, string, string];
	barLegend: (s: number) => string;
}> = {
	en: {
		title: (w) => `What each Ghost module saves in GhostNet ${w}× (the width of the table above)`,
		region: 'MACs of every Ghost module against the ordinary convolution it replaces',
		columns: ['module', 'c → n', 'h′ × w′', 'ordinary conv MACs', 'Ghost module MACs', 'r_s'],
		barLegend: (s) => `The bars show r_s against s = ${s} (the full width).`
	},
	zh: {
		title: (w) => `GhostNet ${w}× 中每个 Ghost 模块省下多少（宽度同上面的表格）`,
		region: '每个 Ghost 模块与它所替换的普通卷积的乘加数',
		columns: ['模块', 'c → n', 'h′ × w′', '普通卷积 MACs', 'Ghost 模块 MACs', 'r_s'],
		barLegend: (s) => `条形表示 r_s 与 s = ${s}（整条宽度）的比例。`
	}
};
