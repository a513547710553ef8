/**
 * Words of the paper's CIFAR-10 ablations (PaperAblations.svelte) in both languages. The findings are
 * read from the rows (paper-ablations.ts), so they say only what the numbers say.
 */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import {
	PAPER_COMPRESSION,
	PAPER_D_ABLATION,
	PAPER_S_ABLATION_FULL,
	type AblationRow,
	type CompressionBase,
	type CompressionRow
} from './paper-ablations';

const one = (v: number) => v.toFixed(1);
const en = (lang: Language) => lang === 'en';

function weights(paramsM: number | null, lang: Language): string {
	if (paramsM === null) return en(lang) ? 'weights not given' : '未给出参数量';
	return en(lang) ? `${paramsM} M weights` : `参数 ${paramsM}M`;
}

/** "d = 3: 93.7 %, 158 M FLOPs, 7.7 M weights" (name: "d" or "s"). */
export function ablationLabel(name: 'd' | 's', r: AblationRow, lang: Language): string {
	const who =
		r.value === null ? (en(lang) ? 'VGG-16, no Ghost modules' : 'VGG-16 原网络') : `${name} = ${r.value}`;
	return en(lang)
		? `${who}: ${one(r.accuracy)} %, ${r.flopsM} M FLOPs, ${weights(r.paramsM, lang)}`
		: `${who}：${one(r.accuracy)}%，FLOPs ${r.flopsM}M，${weights(r.paramsM, lang)}`;
}

export function compressionLabel(r: CompressionRow, lang: Language): string {
	return en(lang)
		? `${r.model}: ${one(r.accuracy)} %, ${r.flopsM} M FLOPs, ${weights(r.paramsM, lang)}`
		: `${r.model}：${one(r.accuracy)}%，FLOPs ${r.flopsM}M，${weights(r.paramsM, lang)}`;
}

const best = <T extends { accuracy: number }>(rows: readonly T[]) =>
	rows.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));

/** What the four panels show, in words, from the rows. */
export function ablationFindings(lang: Language): string {
	const ghostD = PAPER_D_ABLATION.filter((r) => r.value !== null);
	const bestD = best(ghostD);
	const [vanilla, s2] = PAPER_S_ABLATION_FULL;
	const saved = (vanilla.flopsM / s2.flopsM).toFixed(1);
	const lastS = PAPER_S_ABLATION_FULL.at(-1)!;
	const ghostBest = (['VGG-16', 'ResNet-56'] as CompressionBase[]).every(
		(base) => best(PAPER_COMPRESSION.filter((r) => r.base === base && r.kind !== 'original')).kind === 'ghost'
	);
	const dRange = `${ghostD[0].flopsM}–${ghostD.at(-1)!.flopsM}`;
	if (en(lang))
		return (
			`In the paper’s numbers: d = ${bestD.value} is the most accurate cheap kernel (${one(bestD.accuracy)} %), while d from ${ghostD[0].value} to ${ghostD.at(-1)!.value} changes the FLOPs only from ${dRange} M. ` +
			`s = 2 keeps the accuracy of VGG-16 (${one(s2.accuracy)} % against ${one(vanilla.accuracy)} %) with ${saved}× fewer FLOPs; s = ${lastS.value} needs ${lastS.flopsM} M FLOPs and reaches ${one(lastS.accuracy)} %.` +
			(ghostBest
				? ' Against the pruning and compression methods the paper lists, the Ghost network is the most accurate compressed network for both VGG-16 and ResNet-56.'
				: '')
		);
	return (
		`按论文的数据：d = ${bestD.value} 是准确率最高的廉价操作核（${one(bestD.accuracy)}%），而 d 从 ${ghostD[0].value} 变到 ${ghostD.at(-1)!.value}，FLOPs 只从 ${dRange}M 变化。` +
		`s = 2 保持了 VGG-16 的准确率（${one(s2.accuracy)}% 对 ${one(vanilla.accuracy)}%），FLOPs 少 ${saved} 倍；s = ${lastS.value} 需要 ${lastS.flopsM}M FLOPs，准确率为 ${one(lastS.accuracy)}%。` +
		(ghostBest
			? '与论文列出的剪枝和压缩方法相比，无论 VGG-16 还是 ResNet-56，Ghost 网络都是压缩后准确率最高的。'
			: '')
	);
}

export const ABLATION_TEXT: Localized<{
	title: string;
	d: string;
	s: string;
	pruning: (base: string) => string;
	accuracy: string;
	flops: string;
	kernel: string;
	hint: PointerText;
	vanilla: (acc: string) => string;
	original: string;
	caption: string;
	summary: string;
	region: string;
	columns: [string, string, string, string];
	groups: { d: string; s: string; compression: string };
}> = {
	en: {
		title: 'What the paper measured: the cheap kernel d, the ratio s, and pruning (CIFAR-10)',
		d: 'Cheap kernel d (VGG-16, s = 2)',
		s: 'Ratio s (VGG-16, d = 3)',
		pruning: (base) => `Against pruning: ${base}`,
		accuracy: 'test accuracy (%)',
		flops: 'FLOPs (M)',
		kernel: 'd (d×d depthwise)',
		hint: {
			fine: 'Point at a dot, or tab to it and use the arrow keys.',
			coarse: 'Tap a dot, or tab to it and use the arrow keys.'
		},
		vanilla: (acc) => `VGG-16 ${acc} %`,
		original: 'original',
		caption:
			'All values are the GhostNet paper’s (§4.1: VGG-16 and ResNet-56 trained to convergence on CIFAR-10), taken from secondary copies of its tables, whose table numbers were not checked against the paper; the pruned networks’ numbers are those the GhostNet paper quotes for them. Nothing here was trained or measured on this site: our own small run is the chart above.',
		summary: 'The numbers as a table',
		region: 'Table of the paper’s CIFAR-10 ablations',
		columns: ['network', 'weights (M)', 'FLOPs (M)', 'accuracy (%)'],
		groups: {
			d: 'Ablation on d: Ghost-VGG-16, s = 2',
			s: 'Ablation on s: Ghost-VGG-16, d = 3',
			compression: 'Comparison with pruning and compression methods'
		}
	},
	zh: {
		title: '论文测了什么：廉价操作核 d、比例 s，以及与剪枝的对比（CIFAR-10）',
		d: '廉价操作核 d（VGG-16，s = 2）',
		s: '比例 s（VGG-16，d = 3）',
		pruning: (base) => `与剪枝对比：${base}`,
		accuracy: '测试准确率（%）',
		flops: 'FLOPs（M）',
		kernel: 'd（d×d 深度卷积）',
		hint: {
			fine: '把鼠标移到点上，或用 Tab 键选中后按方向键。',
			coarse: '轻点一个点，或用 Tab 键选中后按方向键。'
		},
		vanilla: (acc) => `VGG-16 ${acc}%`,
		original: '原网络',
		caption:
			'所有数值都来自 GhostNet 论文（§4.1：在 CIFAR-10 上训练到收敛的 VGG-16 和 ResNet-56），取自其表格的二手转载，表格编号未与论文核对；剪枝网络的数值是 GhostNet 论文引用的。这里没有任何网络在本站训练或测量：我们自己的小规模实验是上面那幅图。',
		summary: '以表格查看数据',
		region: '论文 CIFAR-10 消融实验的数据表',
		columns: ['网络', '参数量（M）', 'FLOPs（M）', '准确率（%）'],
		groups: {
			d: 'd 的消融：Ghost-VGG-16，s = 2',
			s: 's 的消融：Ghost-VGG-16，d = 3',
			compression: '与剪枝和压缩方法的对比'
		}
	}
};
