/**
 * The words of the trained compound-scaling figures, in both languages. Every number in them comes
 * from the results file through compound-runs.ts; the outcome sentences are derived from the matched
 * comparisons, so they say what the runs say, including when compound scaling does not win.
 */
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import {
	matchedComparisons,
	type Coefficients,
	type CompoundRuns,
	type GridPoint,
	type Matched,
	type Method,
	type TrainedPoint
} from './compound-runs';

export const pct = (v: number) => v.toFixed(2);
export const coefficientsLabel = (c: Coefficients, separator = ' · ') =>
	c.map((v) => String(Number(v.toFixed(3)))).join(separator);
export const millions = (v: number) => (v / 1e6).toFixed(2);
const points = (v: number) => Math.abs(v).toFixed(2);

export const METHOD_NAMES: Localized<Record<Method, string>> = {
	en: { depth: 'depth only', width: 'width only', resolution: 'resolution only', compound: 'compound' },
	zh: { depth: '只放缩深度', width: '只放缩宽度', resolution: '只放缩分辨率', compound: '复合放缩' }
};

export const RUNS_TEXT = {
	en: {
		title: 'Compound scaling, trained at small scale',
		gridTitle: 'Step 1: the grid search at φ = 1',
		gridAxis: 'test accuracy (%)',
		gridRows: 'α · β · γ',
		baseline: 'baseline',
		paper: 'paper',
		best: 'best',
		seeds: 'each seed',
		mean: 'mean of the seeds',
		curvesTitle: 'Accuracy against MACs, one dimension or all three',
		curvesX: 'MACs (millions, log scale)',
		curvesY: 'test accuracy (%)',
		hint: 'Point at a mark, or focus the chart and use the arrow keys, to read its values.',
		tableSummary: 'Every trained network, as a table',
		tableCaption: (d: CompoundRuns) =>
			`Test accuracy (%) on the ${d.testImages.toLocaleString('en')} Fashion-MNIST test images of each network, by seed; params and MACs from our cost model.`,
		experiment: 'experiment',
		network: 'width · depth · px',
		params: 'params (M)',
		macs: 'MACs (M)',
		accuracy: 'accuracy (%) by seed',
		meanCol: 'mean (%)',
		experiments: {
			baseline: 'baseline',
			grid: 'grid, φ = 1',
			single: 'single dimension',
			compound: 'compound'
		},
		pointLabel: (p: TrainedPoint, name: string) =>
			`${name}, φ = ${p.phi}: ${pct(p.mean)} % (${p.accuracies.map(pct).join(', ')}), ${millions(p.macs)} M MACs, ${millions(p.params)} M params, width ${p.width}, depth ${p.depth}, ${p.resolution} px`,
		gridLabel: (p: GridPoint) =>
			`α · β · γ = ${coefficientsLabel(p.coefficients)} (α·β²·γ² = ${p.product.toFixed(2)}): ${pct(p.mean)} % (${p.accuracies.map(pct).join(', ')}), ${millions(p.macs)} M MACs, ${p.resolution} px`,
		setup: (d: CompoundRuns) =>
			`Fashion-MNIST (60,000 training and ${d.testImages.toLocaleString('en')} test images), each 28 px image area-downsampled to the network's resolution: the baseline sees ${d.baselineNetwork.resolution} px, and no run goes above ${d.maxResolution} px, because upsampling beyond the native resolution adds no information. The baseline is EfficientNet-B0's block table at width ${d.baselineNetwork.width} and depth ${d.baselineNetwork.depth} (${millions(d.baseline.params)} M params, ${millions(d.baseline.macs)} M MACs); every network is built from our spec with the rounding rules of B1–B7, and its params and MACs come from our cost model. Each network was trained once per seed (${d.seeds.join(' and ')}) for ${d.epochs} epochs with one recipe (${d.hyperParameters.optimizer}, learning rate ${d.hyperParameters.lr}, batch ${d.hyperParameters.batchSize}, label smoothing ${d.hyperParameters.labelSmoothing}), never tuned per point. Dots are seed means; bars join the seeds' results.`,
		progress: (d: CompoundRuns) =>
			d.runsDone < d.runsPlanned
				? `${d.runsDone} of ${d.runsPlanned} runs have finished; the figures grow as the rest are appended to the results file.`
				: `All ${d.runsDone} runs have finished.`,
		gridOutcome: (d: CompoundRuns, paper: GridPoint | undefined, rank: number, spread: number) =>
			(d.best
				? `The best point is α · β · γ = ${coefficientsLabel(d.best.coefficients)} at ${pct(d.best.mean)} %; `
				: 'The grid is not complete, so no best point is chosen yet; ') +
			(paper
				? `the paper's (1.2, 1.1, 1.15) reaches ${pct(paper.mean)} %, ${ordinal(rank)} of ${d.grid.length}. `
				: '') +
			`Two seeds of the same network differ by up to ${points(spread)} points, so points closer than that are not told apart by this experiment.`,
		matched: (m: Matched) =>
			`At φ = ${m.compound.phi} (${millions(m.compound.macs)} M MACs) compound scaling reaches ${pct(m.compound.mean)} %, ${METHOD_NAMES.en[m.method]} ${pct(m.other.mean)} % at the same MACs: ` +
			(m.verdict === 'within'
				? 'within the noise between seeds.'
				: `${m.verdict === 'ahead' ? 'ahead' : 'behind'} by ${points(m.difference)} points.`),
		verdict: (all: Matched[]) => {
			if (all.length === 0)
				return 'No compound run has finished yet, so the curves cannot be compared at matched MACs.';
			const behind = all.filter((m) => m.verdict === 'behind');
			const ahead = all.filter((m) => m.verdict === 'ahead');
			if (behind.length) {
				const names = unique(behind.map((m) => METHOD_NAMES.en[m.method]));
				return `Here compound scaling does not beat every single dimension: ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} ahead of it at matched MACs, by more than the largest difference between two seeds of one network (${points(behind[0].noise)} points).`;
			}
			if (ahead.length === all.length)
				return "Here, as in the paper's Figure 4, compound scaling is ahead of every single dimension at matched MACs, by more than the largest difference between two seeds of one network.";
			return 'Here compound scaling is never behind a single dimension at matched MACs, but some differences are no larger than the largest difference between two seeds of one network, so this experiment cannot call them.';
		},
		limits:
			"What this does not show: ImageNet. With 3 epochs, 2 seeds and 28 px images of 10 classes of clothing, resolution gains stop at 28 px, and the deeper and wider networks are not trained to convergence; the paper's claims are about 224–600 px ImageNet networks trained for hundreds of epochs."
	},
	zh: {
		title: '复合放缩的小规模训练实验',
		gridTitle: '第一步：φ = 1 时的网格搜索',
		gridAxis: '测试准确率（%）',
		gridRows: 'α · β · γ',
		baseline: '基线',
		paper: '论文',
		best: '最佳',
		seeds: '每个种子',
		mean: '种子的平均',
		curvesTitle: '准确率与 MACs：只放缩一个维度，或三个一起',
		curvesX: 'MACs（百万，对数坐标）',
		curvesY: '测试准确率（%）',
		hint: '指向一个点，或聚焦图表后用方向键，读出它的数值。',
		tableSummary: '所有训练过的网络（表格）',
		tableCaption: (d: CompoundRuns) =>
			`每个网络在 ${d.testImages.toLocaleString('en')} 张 Fashion-MNIST 测试图像上的测试准确率（%），按种子列出；参数量和 MACs 来自本站的代价模型。`,
		experiment: '实验',
		network: '宽度 · 深度 · 像素',
		params: '参数量（M）',
		macs: 'MACs（M）',
		accuracy: '各种子的准确率（%）',
		meanCol: '平均（%）',
		experiments: { baseline: '基线', grid: '网格，φ = 1', single: '单一维度', compound: '复合放缩' },
		pointLabel: (p: TrainedPoint, name: string) =>
			`${name}，φ = ${p.phi}：${pct(p.mean)}%（${p.accuracies.map(pct).join('、')}），${millions(p.macs)}M MACs，${millions(p.params)}M 参数，宽度 ${p.width}，深度 ${p.depth}，${p.resolution} 像素`,
		gridLabel: (p: GridPoint) =>
			`α · β · γ = ${coefficientsLabel(p.coefficients)}（α·β²·γ² = ${p.product.toFixed(2)}）：${pct(p.mean)}%（${p.accuracies.map(pct).join('、')}），${millions(p.macs)}M MACs，${p.resolution} 像素`,
		setup: (d: CompoundRuns) =>
			`数据集为 Fashion-MNIST（6 万张训练图像、${d.testImages.toLocaleString('en')} 张测试图像），每张 28 像素的图像按面积下采样到网络的分辨率：基线看到的是 ${d.baselineNetwork.resolution} 像素，没有任何一次训练超过 ${d.maxResolution} 像素，因为超过原始分辨率的上采样不会带来新信息。基线是 EfficientNet-B0 的模块表，宽度 ${d.baselineNetwork.width}、深度 ${d.baselineNetwork.depth}（${millions(d.baseline.params)}M 参数，${millions(d.baseline.macs)}M MACs）；每个网络都由本站的 spec 按 B1–B7 的取整规则构建，参数量和 MACs 来自本站的代价模型。每个网络用同一套配方（${d.hyperParameters.optimizer}，学习率 ${d.hyperParameters.lr}，批大小 ${d.hyperParameters.batchSize}，标签平滑 ${d.hyperParameters.labelSmoothing}）按每个种子（${d.seeds.join('、')}）各训练一次，每次 ${d.epochs} 个 epoch，没有针对任何一个点调参。圆点是各种子的平均，竖线连接各种子的结果。`,
		progress: (d: CompoundRuns) =>
			d.runsDone < d.runsPlanned
				? `${d.runsPlanned} 次训练中已完成 ${d.runsDone} 次；其余的结果写入结果文件后，图会随之补全。`
				: `全部 ${d.runsDone} 次训练都已完成。`,
		gridOutcome: (d: CompoundRuns, paper: GridPoint | undefined, rank: number, spread: number) =>
			(d.best
				? `最佳的点是 α · β · γ = ${coefficientsLabel(d.best.coefficients)}，准确率 ${pct(d.best.mean)}%；`
				: '网格尚未跑完，所以还没有选出最佳的点；') +
			(paper
				? `论文的 (1.2, 1.1, 1.15) 达到 ${pct(paper.mean)}%，在 ${d.grid.length} 个点中排第 ${rank}。`
				: '') +
			`同一个网络的两个种子最多相差 ${points(spread)} 个百分点，差距小于这个值的点，这个实验分不出高下。`,
		matched: (m: Matched) =>
			`φ = ${m.compound.phi}（${millions(m.compound.macs)}M MACs）时，复合放缩达到 ${pct(m.compound.mean)}%，同样 MACs 下${METHOD_NAMES.zh[m.method]}为 ${pct(m.other.mean)}%：` +
			(m.verdict === 'within'
				? '差别在种子之间的波动之内。'
				: `${m.verdict === 'ahead' ? '领先' : '落后'} ${points(m.difference)} 个百分点。`),
		verdict: (all: Matched[]) => {
			if (all.length === 0) return '还没有完成的复合放缩训练，所以还不能在相同 MACs 下比较这些曲线。';
			const behind = all.filter((m) => m.verdict === 'behind');
			const ahead = all.filter((m) => m.verdict === 'ahead');
			if (behind.length)
				return `在这里复合放缩并没有胜过所有单一维度：在相同 MACs 下，${unique(behind.map((m) => METHOD_NAMES.zh[m.method])).join('和')}领先于它，差距大于同一网络两个种子之间的最大差别（${points(behind[0].noise)} 个百分点）。`;
			if (ahead.length === all.length)
				return '在这里，与论文图 4 一样，复合放缩在相同 MACs 下领先于每一种单一维度的放缩，且差距大于同一网络两个种子之间的最大差别。';
			return '在这里，相同 MACs 下复合放缩从未落后于单一维度，但有些差别不大于同一网络两个种子之间的最大差别，这个实验无法判定。';
		},
		limits:
			'这个实验不能说明的是 ImageNet 上的情况：只训练 3 个 epoch、2 个种子，数据是 10 类服装的 28 像素图像，分辨率的收益到 28 像素就停止了，更深、更宽的网络也没有训练到收敛；论文的结论针对的是在 ImageNet 上训练数百个 epoch、输入为 224–600 像素的网络。'
	}
} as const;

function ordinal(n: number): string {
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The grid's outcome sentence: best point, the paper point's rank, the largest seed spread. */
export function gridOutcome(data: CompoundRuns, lang: Language): string {
	const ranked = [...data.grid].sort((a, b) => b.mean - a.mean);
	const paper = data.grid.find((p) => p.paper);
	const rank = paper ? ranked.indexOf(paper) + 1 : 0;
	const spread = Math.max(0, ...[data.baseline, ...data.grid].map((p) => p.max - p.min));
	return RUNS_TEXT[lang].gridOutcome(data, paper, rank, spread);
}

/** The curves' outcome: one sentence per matched comparison, then the verdict over all of them. */
export function curvesOutcome(data: CompoundRuns, lang: Language): string[] {
	const all = matchedComparisons(data);
	return [...all.map((m) => RUNS_TEXT[lang].matched(m)), RUNS_TEXT[lang].verdict(all)];
}
