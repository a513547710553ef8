/**
 * Every reader-facing string of the live feature maps and the redundancy finder, in both languages,
 * and the number formats they use (pure).
 */
import type { PointerText } from '$lib/viz/chart/pointer';
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import type { DatasetId } from '$lib/live/models';
import type { GhostModuleChoice } from '$lib/live/compute/ghost-modules';
import type { SlotStatus } from './live-figure.svelte';

/** A value with 3 significant digits and a true minus sign: −0.0123, 4.56, 1.23e+3 → 1230. */
export function formatValue(value: number): string {
	if (!Number.isFinite(value)) return '—';
	if (value === 0) return '0';
	const abs = Math.abs(value);
	const text = abs >= 1000 ? Math.round(abs).toString() : Number(abs.toPrecision(3)).toString();
	return (value < 0 ? '−' : '') + text;
}

const backendNames: Record<string, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

/** tfjs's backend name as readers know it: WebGL, WebAssembly, CPU. */
export function backendName(backend: string): string {
	return backendNames[backend] ?? backend;
}

/** A share 0–1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
	return `${(share * 100).toFixed(1)}%`;
}

const datasetNames: Localized<Record<DatasetId, string>> = {
	zh: { imagenet: 'ImageNet-1k', fmnist: 'Fashion-MNIST' },
	en: { imagenet: 'ImageNet-1k', fmnist: 'Fashion-MNIST' }
};

export function datasetName(dataset: DatasetId, lang: Language): string {
	return datasetNames[lang][dataset];
}

export const statusText: Localized<Record<SlotStatus, string>> = {
	zh: { empty: '未加载', loading: '加载中', ready: '已加载', error: '加载失败' },
	en: { empty: 'not loaded', loading: 'loading', ready: 'loaded', error: 'failed to load' }
};

/** Strings shared by both live parts. */
export const commonText = {
	zh: {
		network: '网络',
		image: '图像',
		waiting: '滚动到这里或操作这一部分时，网络才会启动（tfjs 和权重在那时才下载）。',
		starting: '正在启动 tfjs 运行时……',
		computing: '正在计算……',
		noCanvas: '这个浏览器不能在 canvas 上绘图。',
		failed: (detail: string) => `计算失败：${detail}`,
		runtimeFailed: (detail: string) => `tfjs 运行时没有启动：${detail}`,
		backendLine: (backend: string, ms: string) =>
			`在 ${backend} 后端上计算，从图像到画好的特征图用时 ${ms} ms。`,
		weightsNeeded: (name: string, dataset: string) =>
			`这一部分需要 ${name}（${dataset}）的权重。可以用下面的权重管理器加载；本页其余部分不需要权重。`,
		wouldUse: (name: string, dataset: string) => `将使用：${name}，在 ${dataset} 上训练的权重。`,
		weightsLoading: (name: string, dataset: string) => `正在加载 ${name}（${dataset}）的权重……`,
		weightsPending: '正在准备网络权重……',
		inUse: '正在使用的权重：',
		loadBelow: (name: string) => `在下面加载 ${name} 的权重后，这里会显示结果。`,
		fmnistNote:
			'Fashion-MNIST 模型的输入是 32×32 的灰度图，所以特征图很小（第一层 16×16，最深的模块只有 1×1）。加载 ImageNet 权重可以看到 224×224 输入下的特征图。'
	},
	en: {
		network: 'Network',
		image: 'Image',
		waiting: 'The network starts when you scroll here or use this part (tfjs and the weights download then).',
		starting: 'Starting the tfjs runtime…',
		computing: 'Computing…',
		noCanvas: 'This browser cannot draw on a canvas.',
		failed: (detail: string) => `The computation failed: ${detail}`,
		runtimeFailed: (detail: string) => `The tfjs runtime did not start: ${detail}`,
		backendLine: (backend: string, ms: string) =>
			`Computed on the ${backend} backend; ${ms} ms from the image to the drawn maps.`,
		weightsNeeded: (name: string, dataset: string) =>
			`This part needs the weights of ${name} (${dataset}). Load them with the weight manager below; the rest of the page works without them.`,
		wouldUse: (name: string, dataset: string) => `Would use: ${name}, weights trained on ${dataset}.`,
		weightsLoading: (name: string, dataset: string) => `Loading the weights of ${name} (${dataset})…`,
		weightsPending: 'Getting the network weights ready…',
		inUse: 'Weights in use: ',
		loadBelow: (name: string) => `Load the weights of ${name} below to see the result here.`,
		fmnistNote:
			'The Fashion-MNIST models see 32×32 grey images, so their maps are small (16×16 after the stem, 1×1 in the deepest modules). Load the ImageNet weights to see maps of a 224×224 input.'
	}
};

export const mapsText = {
	zh: {
		title: '真实 GhostNet 的内在特征图与 ghost 特征图',
		intro:
			'选一个 Ghost 模块：左边是内在特征图（模块里普通的 1×1 卷积的输出），右边紧挨着的是廉价操作（3×3 深度卷积 + BN）只用这一张内在特征图生成的 ghost 特征图。',
		module: 'Ghost 模块',
		moduleOption: (m: GhostModuleChoice) =>
			`${m.block} · ${m.which}：${m.inChannels} → ${m.outChannels} 通道，${m.primaryChannels} 张内在 + ${m.cheapChannels} 张 ghost，${m.size}×${m.size}`,
		gridLabel: (m: GhostModuleChoice) =>
			`${m.key} 的 ${m.primaryChannels} 组特征图。方向键在各组之间移动，被选中的一组会放大显示在下方。`,
		hint: {
			fine: '把指针移到一组特征图上，或者聚焦特征图后用方向键选择，下方会放大显示它并给出数值范围。',
			coarse: '轻点一组特征图，或者聚焦特征图后用方向键选择，下方会放大显示它并给出数值范围。'
		} satisfies PointerText,
		intrinsic: (i: number) => `内在特征图 #${i}`,
		ghost: (j: number) => `ghost 特征图 #${j}`,
		range: (min: string, max: string) => `取值 ${min} … ${max}`,
		groupSummary: (i: number, parts: string) => `第 ${i} 组：${parts}`,
		reluNote: '这个模块后面有 ReLU，所以所有值都 ≥ 0，只用到色标的正半边。',
		noReluNote: '这个模块后面没有 ReLU（bottleneck 的第二个 Ghost 模块），正负值都会出现。'
	},
	en: {
		title: 'Intrinsic and ghost maps of a real GhostNet',
		intro:
			"Choose a Ghost module: on the left of each pair is an intrinsic map (the output of the module's ordinary 1×1 convolution), and right beside it the ghost map that the cheap operation (a 3×3 depthwise convolution + BN) makes from that intrinsic map alone.",
		module: 'Ghost module',
		moduleOption: (m: GhostModuleChoice) =>
			`${m.block} · ${m.which}: ${m.inChannels} → ${m.outChannels} channels, ${m.primaryChannels} intrinsic + ${m.cheapChannels} ghost, ${m.size}×${m.size}`,
		gridLabel: (m: GhostModuleChoice) =>
			`The ${m.primaryChannels} groups of maps of ${m.key}. Arrow keys move between groups; the chosen group is enlarged below.`,
		hint: {
			fine: 'Point at a pair, or focus the maps and use the arrow keys, to enlarge it below with its value range.',
			coarse:
				'Tap a pair, or focus the maps and use the arrow keys, to enlarge it below with its value range.'
		} satisfies PointerText,
		intrinsic: (i: number) => `intrinsic map #${i}`,
		ghost: (j: number) => `ghost map #${j}`,
		range: (min: string, max: string) => `values ${min} … ${max}`,
		groupSummary: (i: number, parts: string) => `Group ${i}: ${parts}`,
		reluNote:
			'A ReLU follows this module, so every value is ≥ 0 and only the positive half of the scale is used.',
		noReluNote: 'No ReLU follows this module (the second Ghost module of a bottleneck), so both signs appear.'
	}
};

export const legendText = {
	zh: {
		title: '色标（这一组特征图共用）',
		explain: (limit: string) =>
			`0 是背景色，正值偏橙，负值偏蓝，颜色在 ±${limit} 处饱和；${limit} 是这里所有特征图中最大的 |值|。所有特征图用同一个色标，所以可以直接比较它们的强弱。`,
		observed: (min: string, max: string) => `实际取值范围：${min} … ${max}。`
	},
	en: {
		title: 'Colour scale (one for all maps shown)',
		explain: (limit: string) =>
			`0 is the background colour, positive values turn orange and negative ones blue, saturating at ±${limit}, the largest |value| among all maps shown. Every map uses this one scale, so their strengths can be compared directly.`,
		observed: (min: string, max: string) => `Observed range: ${min} … ${max}.`
	}
};

export const finderText = {
	zh: {
		title: '实时找出冗余的特征图',
		intro: (backend: string) =>
			`一个真实网络的第一层是普通的 3×3 卷积（stem）。下面是它对当前图像输出的全部特征图（BN 之前），在 ${backend} 上算出的每一对特征图的余弦相似度，以及最相似的几对。论文图 1 用同样的方法展示 ResNet-50 第一个残差组的特征图；这里换成了 stem，而且这些对是计算出来的，不是人挑的。`,
		activeBackend: '当前的 tfjs 后端',
		stem: (name: string) => `${name} 的 stem（conv_stem）`,
		mapsTitle: (count: number, size: number) => `conv_stem 的全部 ${count} 张特征图（${size}×${size}）`,
		mapsLabel: (count: number) =>
			`conv_stem 的 ${count} 张特征图；最相似的几对用彩色框标出。方向键逐张查看。`,
		mapInfo: (i: number, range: string, partner: number, similarity: string) =>
			`特征图 #${i}，${range}；和它最相似的是 #${partner}（余弦相似度 ${similarity}）`,
		mapsHint: {
			fine: '把指针移到一张特征图上，或者聚焦后用方向键，可以看到它的编号、取值范围和最相似的另一张。',
			coarse: '轻点一张特征图，或者聚焦后用方向键，可以看到它的编号、取值范围和最相似的另一张。'
		} satisfies PointerText,
		matrixTitle: '每一对特征图的余弦相似度',
		matrixLabel: (count: number) =>
			`${count}×${count} 的余弦相似度矩阵。方向键移动到某个格子可以读出它的值。`,
		cell: (i: number, j: number, value: string) => `特征图 #${i} 与 #${j}：余弦相似度 ${value}`,
		matrixHint: {
			fine: '对角线是每张图和自己的相似度（= 1）。把指针移到格子上，或聚焦后用方向键读出数值。',
			coarse: '对角线是每张图和自己的相似度（= 1）。轻点格子，或聚焦后用方向键读出数值。'
		} satisfies PointerText,
		matrixExplain:
			'余弦相似度：把每张特征图展平成一个向量并除以它的长度，再两两求内积（一次矩阵乘法）。1 表示形状完全相同（只差一个正的倍数），0 表示毫不相关，−1 表示正好相反。',
		pairsTitle: '最相似的几对，以及廉价操作能把一张变成另一张到什么程度',
		pairsExplain:
			'GhostNet 会保留这样一对中的一张，用廉价操作生成另一张。它的廉价操作是 3×3 深度卷积加 BN，对每个通道来说就是一个 3×3 滤波器加一个偏置。对每一对，我们用最小二乘法求出能把一张变成另一张的最佳 3×3 滤波器（9 个权重 + 1 个偏置，两个方向都试，取更好的那个），并给出它能解释目标特征图方差的比例 R²；作为对照，也给出只做缩放平移的 1×1 “复制”的 R²。',
		pair: (k: number, a: number, b: number, similarity: string) =>
			`第 ${k} 对：#${a} 与 #${b}，余弦相似度 ${similarity}`,
		source: (i: number) => `源：#${i}`,
		target: (i: number) => `目标：#${i}`,
		fitted: (i: number) => `廉价操作作用于 #${i}`,
		fit: (r2: string, residual: string, copy: string) =>
			`3×3 深度卷积：R² = ${r2}（残差为目标范数的 ${residual}）；缩放平移复制：R² = ${copy}`,
		undefinedR2: '无定义（目标是常数）',
		tableSummary: '以表格查看相似度矩阵',
		tableCaption: '余弦相似度，行 i、列 j',
		zeroMaps: (list: string) => `全为 0 的特征图（和任何图的相似度都记为 0）：${list}`
	},
	en: {
		title: 'Redundant feature maps, found live',
		intro: (backend: string) =>
			`The first layer of a real network is an ordinary 3×3 convolution (the stem). Below are all its feature maps for the current image (before BN), the cosine similarity of every pair of them computed on ${backend}, and the most similar pairs. The paper's Figure 1 makes the same point with the feature maps of ResNet-50's first residual group; here it is the stem, and the pairs are found by computation, not picked by hand.`,
		activeBackend: 'the active tfjs backend',
		stem: (name: string) => `${name} stem (conv_stem)`,
		mapsTitle: (count: number, size: number) => `All ${count} feature maps of conv_stem (${size}×${size})`,
		mapsLabel: (count: number) =>
			`The ${count} feature maps of conv_stem; the most similar pairs are outlined in colour. Arrow keys step through them.`,
		mapInfo: (i: number, range: string, partner: number, similarity: string) =>
			`Map #${i}, ${range}; most similar to #${partner} (cosine similarity ${similarity})`,
		mapsHint: {
			fine: 'Point at a map, or focus the maps and use the arrow keys, to see its index, value range and its most similar partner.',
			coarse:
				'Tap a map, or focus the maps and use the arrow keys, to see its index, value range and its most similar partner.'
		} satisfies PointerText,
		matrixTitle: 'Cosine similarity of every pair of maps',
		matrixLabel: (count: number) =>
			`The ${count}×${count} cosine similarity matrix. Arrow keys move between cells and read their value.`,
		cell: (i: number, j: number, value: string) => `Maps #${i} and #${j}: cosine similarity ${value}`,
		matrixHint: {
			fine: 'The diagonal is each map with itself (= 1). Point at a cell, or focus the matrix and use the arrow keys, to read its value.',
			coarse:
				'The diagonal is each map with itself (= 1). Tap a cell, or focus the matrix and use the arrow keys, to read its value.'
		} satisfies PointerText,
		matrixExplain:
			'Cosine similarity: flatten each map into a vector, divide it by its length, and take every dot product (one matrix multiplication). 1 means the same pattern up to a positive factor, 0 unrelated, −1 exactly opposite.',
		pairsTitle: 'The most similar pairs, and how well a cheap operation turns one into the other',
		pairsExplain:
			"GhostNet would keep one map of such a pair and generate the other with its cheap operation, a 3×3 depthwise convolution followed by BN: per channel, one 3×3 filter and a bias. For each pair we find by least squares the best 3×3 filter (9 weights + 1 bias, both directions tried, the better one kept) that turns one map into the other, and report the share of the target map's variance it explains (R²); the R² of a plain scaled copy (1×1) is shown for comparison.",
		pair: (k: number, a: number, b: number, similarity: string) =>
			`Pair ${k}: #${a} and #${b}, cosine similarity ${similarity}`,
		source: (i: number) => `source: #${i}`,
		target: (i: number) => `target: #${i}`,
		fitted: (i: number) => `cheap operation on #${i}`,
		fit: (r2: string, residual: string, copy: string) =>
			`3×3 depthwise filter: R² = ${r2} (residual ${residual} of the target's norm); scaled copy: R² = ${copy}`,
		undefinedR2: 'undefined (constant target)',
		tableSummary: 'Show the similarity matrix as a table',
		tableCaption: 'Cosine similarity, row i, column j',
		zeroMaps: (list: string) => `Maps that are zero everywhere (similarity 0 with every map): ${list}`
	}
};
