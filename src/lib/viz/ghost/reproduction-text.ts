/**
 * Words of the reproduction chart in both languages. The caption is built from the results file
 * (reproduction.ts), so it always states the epochs, seeds, test images and outcome actually measured.
 */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { PAPER_SETUP, type PaperRow } from './reproduction-paper';
import { findings, seedGroups, type MeasuredVariant, type Reproduction } from './reproduction';

const pct = (v: number) => v.toFixed(1);
const points = (v: number) => Math.abs(v).toFixed(1);
const millions = (v: number) => (v / 1e6).toFixed(2);

function variantName(s: number | null, lang: Language): string {
	if (s !== null) return `s = ${s}`;
	return lang === 'en' ? 'ordinary conv' : '普通卷积';
}

function list(items: string[], lang: Language): string {
	if (lang === 'zh') return items.join('、');
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "ordinary conv and s = 2 with 2 seeds each (0, 1); s = 3 and s = 4 with 1 seed (0)". */
function seedsText(rep: Reproduction, lang: Language): string {
	return seedGroups(rep)
		.map(({ variants, seeds }) => {
			const names = list(
				variants.map((v) => variantName(v.s, lang)),
				lang
			);
			const n = seeds.length;
			if (lang === 'zh') return `${names} 各 ${n} 个随机种子（${seeds.join('、')}）`;
			return `${names} with ${n} seed${n > 1 ? 's' : ''}${variants.length > 1 && n > 1 ? ' each' : ''} (${seeds.join(', ')})`;
		})
		.join(lang === 'zh' ? '；' : '; ');
}

export function variantLabel(v: MeasuredVariant, lang: Language): string {
	const name = variantName(v.s, lang);
	const seeds =
		v.seeds.length > 1
			? lang === 'en'
				? `mean of ${v.seeds.length} seeds, ${pct(v.min)}–${pct(v.max)} %`
				: `${v.seeds.length} 个种子的均值，${pct(v.min)}–${pct(v.max)}%`
			: lang === 'en'
				? '1 seed'
				: '1 个种子';
	return lang === 'en'
		? `${name}: ${pct(v.mean)} % (${seeds}), ${millions(v.params)} M params, ${millions(v.macs)} M MACs`
		: `${name}：${pct(v.mean)}%（${seeds}），参数 ${millions(v.params)}M，MACs ${millions(v.macs)}M`;
}

export function paperLabel(r: PaperRow, lang: Language): string {
	const name = r.s === null ? (lang === 'en' ? 'VGG-16' : 'VGG-16 原网络') : `Ghost-VGG-16, s = ${r.s}`;
	return lang === 'en'
		? `${name}: ${pct(r.accuracy)} %, ${r.paramsM} M params, ${r.macsM} M FLOPs`
		: `${name}：${pct(r.accuracy)}%，参数 ${r.paramsM}M，FLOPs ${r.macsM}M`;
}

export { variantName };

/** "one or two seeds" / "2 seeds": how many seeds the variants have. */
function seedCounts(rep: Reproduction, lang: Language): string {
	const counts = rep.variants.map((v) => v.seeds.length);
	const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
	if (lang === 'zh') return lo === hi ? `${lo} 个种子` : `${lo}–${hi} 个种子`;
	const range = lo === hi ? String(lo) : `${lo}–${hi}`;
	return `${range} seed${hi === 1 ? '' : 's'}`;
}

/** The measured outcome, in words (what the numbers say; no claim beyond them). */
export function outcome(rep: Reproduction, lang: Language): string {
	const f = findings(rep);
	const en = lang === 'en';
	const ahead =
		f.gap === 0
			? en
				? `the ordinary convolution and s = 2 tie at ${pct(f.conv.mean)} %`
				: `普通卷积与 s = 2 持平（${pct(f.conv.mean)}%）`
			: en
				? `${f.gap > 0 ? 'the ordinary convolution is ahead of s = 2' : 's = 2 is ahead of the ordinary convolution'} by ${points(f.gap)} points (${pct(f.conv.mean)} % vs ${pct(f.s2.mean)} %)`
				: `${f.gap > 0 ? '普通卷积比 s = 2 高' : 's = 2 比普通卷积高'} ${points(f.gap)} 个百分点（${pct(f.conv.mean)}% 对 ${pct(f.s2.mean)}%）`;
	const spread =
		f.seedRange === null
			? ''
			: en
				? `, ${Math.abs(f.gap) > f.seedRange ? 'more than' : 'no more than'} the spread between seeds (up to ${points(f.seedRange)} points)`
				: `，${Math.abs(f.gap) > f.seedRange ? '大于' : '不大于'}种子之间的差异（最多 ${points(f.seedRange)} 个百分点）`;
	const trend = {
		en: {
			falls: 'accuracy falls as s grows',
			rises: 'accuracy rises as s grows',
			mixed: 'accuracy does not move steadily with s'
		},
		zh: { falls: '准确率随 s 增大而下降', rises: '准确率随 s 增大而上升', mixed: '准确率并不随 s 单调变化' }
	}[lang][f.trend];
	const saved = Math.round((1 - f.macsRatio) * 100);
	return en
		? `Measured: ${ahead}${spread}; ${trend}; s = 2 needs ${saved} % fewer MACs than the ordinary convolution.`
		: `测得：${ahead}${spread}；${trend}；s = 2 的 MACs 比普通卷积少 ${saved}%。`;
}

export const TEXT: Localized<{
	title: string;
	ours: string;
	paper: string;
	accuracy: string;
	params: string;
	macs: string;
	paperMacs: string;
	axis: string;
	/** The x-axis choice that shows parameters. */
	paramsChoice: string;
	/** Said after the reader changes the horizontal axis. */
	axisChanged: (params: boolean) => string;
	hint: PointerText;
	setup: (rep: Reproduction) => string;
	limits: (rep: Reproduction) => string;
}> = {
	en: {
		title: 'Ghost modules vs ordinary convolutions: our small run beside the paper',
		ours: 'Ours: GhostNet 0.5× on Fashion-MNIST',
		paper: `Paper: ${PAPER_SETUP.network} on ${PAPER_SETUP.dataset}`,
		accuracy: 'test accuracy (%)',
		params: 'parameters (M)',
		paramsChoice: 'params',
		axisChanged: (params) =>
			`Both panels now plot accuracy against ${params ? 'parameters' : 'MACs (FLOPs in the paper)'}.`,
		macs: 'MACs (M)',
		paperMacs: 'FLOPs (M)',
		axis: 'Horizontal axis',
		hint: {
			fine: 'Point at a dot, or tab to the plot and use the arrow keys, for its values.',
			coarse: 'Tap a dot, or tab to the plot and use the arrow keys, for its values.'
		},
		setup: (rep) =>
			`Ours: GhostNet 0.5× on Fashion-MNIST (28×28 images zero-padded to 32×32), with every Ghost module kept at s = 2, 3 or 4 or replaced by an ordinary 1×1 convolution of the same output width, all trained identically for ${rep.epochs} epoch${rep.epochs === 1 ? '' : 's'} per run (not trained to convergence); ${seedsText(rep, 'en')}; top-1 on the full test set of ${rep.testImages.toLocaleString('en')} images. Dots are means, bars the range between seeds. The paper (${PAPER_SETUP.section}) measured something else: ${PAPER_SETUP.network} on ${PAPER_SETUP.dataset}, trained to convergence, so the two panels have their own axes and only the trends compare.`,
		limits: (rep) =>
			`What this does not show: whether the gap stays after full training (in the paper s = 2 matches the original network), or anything about other data sets or larger networks; with ${seedCounts(rep, 'en')} per variant, a difference no larger than the spread between seeds is not a finding.`
	},
	zh: {
		title: 'Ghost 模块与普通卷积：我们的小规模实验与论文对照',
		ours: `我们：GhostNet 0.5×，Fashion-MNIST`,
		paper: `论文：${PAPER_SETUP.network}，${PAPER_SETUP.dataset}`,
		accuracy: '测试准确率（%）',
		params: '参数量（M）',
		paramsChoice: '参数量',
		axisChanged: (params) => `两幅图的横轴现在都是${params ? '参数量' : 'MACs（论文中为 FLOPs）'}。`,
		macs: 'MACs（M）',
		paperMacs: 'FLOPs（M）',
		axis: '横轴',
		hint: {
			fine: '把鼠标移到点上，或用 Tab 键进入图表后按方向键，查看数值。',
			coarse: '轻点一个点，或用 Tab 键进入图表后按方向键，查看数值。'
		},
		setup: (rep) =>
			`我们：GhostNet 0.5×，数据为 Fashion-MNIST（28×28 图像补零到 32×32）；每个 Ghost 模块取 s = 2、3、4，或换成输出宽度相同的普通 1×1 卷积，训练方式完全相同，每次训练 ${rep.epochs} 个 epoch，未训练到收敛；${seedsText(rep, 'zh')}；在完整的 ${rep.testImages} 张测试图像上计算 top-1。圆点为均值，竖线为不同种子之间的范围。论文（${PAPER_SETUP.section}）测的是另一回事：在 ${PAPER_SETUP.dataset} 上训练到收敛的 ${PAPER_SETUP.network}，因此两幅图各用各的坐标轴，只能比较趋势。`,
		limits: (rep) =>
			`这个结果不能说明：充分训练后差距是否依然存在（论文中 s = 2 与原网络持平），也不能推广到其他数据集或更大的网络；每种设置只有 ${seedCounts(rep, 'zh')}，不大于种子间差异的差距不能算作结论。`
	}
};

export const TABLE_TEXT: Localized<{
	summary: string;
	caption: (rep: Reproduction) => string;
	network: string;
	params: string;
	macs: string;
	accuracy: string;
	seeds: string;
	ours: (s: number | null) => string;
	paper: (s: number | null) => string;
	notStated: string;
}> = {
	en: {
		summary: 'The numbers as a table',
		caption: (rep) =>
			`Ours: GhostNet 0.5× on Fashion-MNIST, ${rep.epochs} epoch${rep.epochs === 1 ? '' : 's'} per run, top-1 on ${rep.testImages.toLocaleString('en')} test images. Paper: ${PAPER_SETUP.network} on ${PAPER_SETUP.dataset}.`,
		network: 'network',
		params: 'params (M)',
		macs: 'MACs / FLOPs (M)',
		accuracy: 'accuracy (%)',
		seeds: 'per seed (%)',
		ours: (s) => `ours, ${variantName(s, 'en')}`,
		paper: (s) => (s === null ? 'paper, VGG-16' : `paper, Ghost-VGG-16 s = ${s}`),
		notStated: 'not stated'
	},
	zh: {
		summary: '以表格查看数据',
		caption: (rep) =>
			`我们：GhostNet 0.5×，Fashion-MNIST，每次训练 ${rep.epochs} 个 epoch，在 ${rep.testImages} 张测试图像上的 top-1。论文：${PAPER_SETUP.network}，${PAPER_SETUP.dataset}。`,
		network: '网络',
		params: '参数量（M）',
		macs: 'MACs / FLOPs（M）',
		accuracy: '准确率（%）',
		seeds: '各种子（%）',
		ours: (s) => `我们，${variantName(s, 'zh')}`,
		paper: (s) => (s === null ? '论文，VGG-16' : `论文，Ghost-VGG-16 s = ${s}`),
		notStated: '未给出'
	}
};
