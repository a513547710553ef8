/**
 * What the "where the time goes" figure shows (pure): each section's and op kind's share of the MACs
 * beside its share of the measured kernel time, the sentences that read the result, the comparison of
 * two networks' passes, and every string of the figure in both languages.
 */
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { macShares, OP_KINDS, type NetworkProfile, type OpKind, type Share } from '$lib/live/compute/profile';
import type { Family, NetSpec } from '$lib/nets';
import { backendName, formatPercent } from './live-text';

export interface ShareRow {
	key: string;
	label: string;
	macs: number;
	ms: number;
	macShare: number;
	timeShare: number;
}

const kindLabels: Localized<Record<OpKind, string>> = {
	en: {
		'conv-1x1': '1×1 convolutions',
		'conv-kxk': 'k×k convolutions (stem)',
		depthwise: 'depthwise convolutions',
		se: 'squeeze-and-excitation units',
		elementwise: 'element-wise (activations, adds)',
		concat: 'concat and slicing (on wasm, with the residual adds)',
		pool: 'global pooling',
		classifier: 'classifier',
		other: 'other kernels'
	},
	zh: {
		'conv-1x1': '1×1 卷积',
		'conv-kxk': 'k×k 卷积（stem）',
		depthwise: '深度卷积',
		se: 'SE 模块',
		elementwise: '逐元素运算（激活、相加）',
		concat: '拼接与切片（wasm 上含残差相加）',
		pool: '全局池化',
		classifier: '分类器',
		other: '其他 kernel'
	}
};

/** A section's name: timm's module name, with EfficientNet's stage number from the paper's Table 1. */
export function sectionLabel(key: string, family: Family, lang: Language): string {
	const t = profileText[lang];
	if (key === 'stem') return family === 'efficientnet' ? t.stage('stem', 1) : 'stem';
	if (key === 'head') return family === 'efficientnet' ? t.stage('head', 9) : 'head';
	if (key === 'classifier') return t.classifier;
	const index = Number(key.split('.')[1]);
	return family === 'efficientnet' ? t.stage(key, index + 2) : key;
}

function rows(list: Share[], label: (key: string) => string): ShareRow[] {
	const macs = list.reduce((a, s) => a + s.macs, 0);
	const ms = list.reduce((a, s) => a + s.ms, 0);
	return list.map((s) => ({
		key: s.key,
		label: label(s.key),
		macs: s.macs,
		ms: s.ms,
		macShare: macs > 0 ? s.macs / macs : 0,
		timeShare: ms > 0 ? s.ms / ms : Number.isNaN(ms) ? NaN : 0
	}));
}

/** Shares of a profile; before one exists, the MACs alone (times NaN, shown as a dash). */
export function shares(spec: NetSpec, profile: NetworkProfile | null): { sections: Share[]; kinds: Share[] } {
	if (profile) return profile;
	const macs = macShares(spec);
	const list = (m: Map<string, number>) => [...m].map(([key, value]) => ({ key, macs: value, ms: NaN }));
	return { sections: list(macs.sections), kinds: list(macs.kinds) };
}

export function sectionRows(sections: Share[], family: Family, lang: Language): ShareRow[] {
	return rows(sections, (key) => sectionLabel(key, family, lang));
}

/** Kinds that never do multiply-adds: each has its row whether or not a measurement timed it. */
const TIME_ONLY_KINDS: readonly OpKind[] = ['elementwise', 'concat', 'pool', 'other'];

/**
 * The op kinds of the figure, in a fixed order: those with MACs in this network, and every kind that
 * only takes time (0 % when a pass did not time it, a dash before any measurement), so that the table
 * has the same rows before and after each measurement.
 */
export function kindRows(kinds: Share[], lang: Language): ShareRow[] {
	const byKey = new Map(kinds.map((k) => [k.key, k]));
	const measured = kinds.some((k) => Number.isFinite(k.ms));
	const list = OP_KINDS.map((key) => byKey.get(key) ?? { key, macs: 0, ms: measured ? 0 : NaN }).filter(
		(k) => k.macs > 0 || TIME_ONLY_KINDS.includes(k.key as OpKind)
	);
	return rows(list, (key) => kindLabels[lang][key as OpKind]);
}

interface Sentence {
	key: string;
	text: string;
}

function kindSentences(
	kinds: ShareRow[],
	lang: Language,
	time: (share: number) => string,
	always: boolean
): Sentence[] {
	const t = profileText[lang];
	const sentences: Sentence[] = [];
	for (const key of ['conv-1x1', 'depthwise', 'se'] as const) {
		const row = kinds.find((r) => r.key === key);
		if (row)
			sentences.push({ key, text: t.shareOf(row.label, formatPercent(row.macShare), time(row.timeShare)) });
	}
	const macFree = kinds.filter((r) => r.macs === 0);
	const free = macFree.reduce((a, r) => a + r.timeShare, 0);
	if (macFree.length && (always || free > 0)) sentences.push({ key: 'no-macs', text: t.noMacs(time(free)) });
	return sentences;
}

/** The sentences that read the op-kind rows: where the MACs and the time part ways. */
export function readKinds(kinds: ShareRow[], lang: Language): string[] {
	return kindSentences(kinds, lang, formatPercent, false).map((s) => s.text);
}

/**
 * The reading's places: each sentence `readKinds` can say for these rows, with a stand-in that has the
 * widest time share ("100.0%"), so that the place is kept before a measurement and between two; the
 * text is empty until a timed measurement says it.
 */
export function readingSlots(
	kinds: ShareRow[],
	timed: boolean,
	lang: Language
): { key: string; standIn: string; text: string }[] {
	const said = timed ? kindSentences(kinds, lang, formatPercent, false) : [];
	return kindSentences(kinds, lang, () => formatPercent(1), true).map(({ key, text }) => ({
		key,
		standIn: text,
		text: said.find((s) => s.key === key)?.text ?? ''
	}));
}

export interface ProfiledModel {
	name: string;
	macs: number;
	profile: NetworkProfile;
}

/** A comparison sentence, and the same sentence with each other verdict, to reserve its size. */
export interface Comparison {
	text: string;
	alternatives: string[];
}

/**
 * Two networks' passes on the same backend: how many times fewer MACs the second does, and how their
 * times compare; "within the spread" when the middle halves of their passes' times overlap. The
 * alternatives let the page keep the sentence's height whichever verdict a new measurement gives.
 */
export function compareModels(a: ProfiledModel, b: ProfiledModel, lang: Language): Comparison | null {
	if (a.profile.backend !== b.profile.backend) return null;
	const t = profileText[lang];
	const macRatio = a.macs / b.macs;
	const [aLow, aHigh] = a.profile.wallMsRange;
	const [bLow, bHigh] = b.profile.wallMsRange;
	const overlap = aLow <= bHigh && bLow <= aHigh;
	const ms = (p: NetworkProfile) => p.wallMs.toFixed(1);
	const timeRatio = a.profile.wallMs / b.profile.wallMs;
	const ratio = (timeRatio >= 1 ? timeRatio : 1 / timeRatio).toFixed(1);
	const verdicts = {
		within: t.withinSpread,
		faster: t.faster(b.name, ratio),
		slower: t.slower(b.name, ratio)
	};
	const verdict = overlap ? 'within' : timeRatio >= 1 ? 'faster' : 'slower';
	const sentence = (v: string) =>
		t.compare({
			a: a.name,
			b: b.name,
			macRatio: macRatio.toFixed(1),
			aMs: ms(a.profile),
			bMs: ms(b.profile),
			verdict: v,
			backend: backendName(a.profile.backend)
		});
	return {
		text: sentence(verdicts[verdict]),
		alternatives: Object.entries(verdicts)
			.filter(([key]) => key !== verdict)
			.map(([, v]) => sentence(v))
	};
}

/** A pass time as wide as any this figure shows ("8888.8 ms"). */
const WIDEST_MS = 8888.8;

/**
 * What the comparison place can hold once `a` has been measured: the hint to measure the other, and
 * the comparison with each verdict, with the widest numbers (its stand-ins, see `compareModels`).
 */
export function comparisonStandIns(
	a: Omit<ProfiledModel, 'profile'>,
	b: Omit<ProfiledModel, 'profile'>,
	hintFor: string,
	lang: Language
): string[] {
	const wide: NetworkProfile = {
		backend: 'wasm',
		runs: 7,
		wallMs: WIDEST_MS,
		wallMsRange: [WIDEST_MS, WIDEST_MS],
		timed: true,
		kernelMs: WIDEST_MS,
		kernels: 0,
		sections: [],
		kinds: []
	};
	const both = compareModels({ ...a, profile: wide }, { ...b, profile: wide }, lang);
	return [profileText[lang].compareHint(hintFor), ...(both ? [both.text, ...both.alternatives] : [])];
}

/** The status once measured, with the widest numbers (the status place's stand-in). */
export function measuredStandIn(runs: number, lang: Language): string {
	const ms = WIDEST_MS.toFixed(1);
	return profileText[lang].measured(backendName('wasm'), runs, ms, ms, ms);
}

export const profileText = {
	en: {
		title: 'Where the time goes, measured in your browser',
		intro:
			'One forward pass of the network, timed kernel by kernel with the tfjs profiler in the same worker and on the same backend as the classifier. The MACs come from our cost model; the time is the median of each kernel over the profiled passes.',
		measure: 'Measure again',
		measuring: 'Measuring…',
		sections: 'By part of the network',
		kinds: 'By kind of operation',
		part: 'Part',
		kind: 'Operation',
		macShare: 'share of MACs',
		timeShare: 'share of time',
		ms: 'time (ms)',
		macs: 'MACs',
		classifier: 'pool + classifier',
		stage: (name: string, n: number) => `${name} (stage ${n})`,
		measured: (backend: string, runs: number, ms: string, low: string, high: string) =>
			`Measured on ${backend}: ${runs} profiled passes for the shares; ${ms} ms per ordinary pass (median of ${3 * runs}, middle half ${low}–${high} ms).`,
		untimed: (backend: string) =>
			`${backend} did not time single kernels here (WebGL needs the GPU timer-query extension, which this browser does not offer), so only the MACs are shown. Choose WebAssembly or CPU in the classifier's backend menu to see the time.`,
		shareOf: (label: string, macs: string, time: string) =>
			`${label}: ${macs} of the MACs, ${time} of the time.`,
		noMacs: (time: string) =>
			`Kernels that do no multiply-adds at all (activations, adds, concat, pooling): ${time} of the time.`,
		compare: (v: {
			a: string;
			b: string;
			macRatio: string;
			aMs: string;
			bMs: string;
			verdict: string;
			backend: string;
		}) =>
			`${v.b} does ${v.macRatio}× fewer MACs than ${v.a}; on ${v.backend} a pass took ${v.bMs} ms against ${v.aMs} ms: ${v.verdict}.`,
		withinSpread: 'the difference is within the spread of the runs',
		faster: (name: string, ratio: string) => `${name} was ${ratio}× faster`,
		slower: (name: string, ratio: string) => `${name} was ${ratio}× slower`,
		compareHint: (name: string) => `Choose ${name} above to compare the two networks on this backend.`
	},
	zh: {
		title: '时间花在哪里：在你的浏览器里实测',
		intro:
			'网络的一次前向传播，用 tfjs 的 profiler 逐个 kernel 计时，与分类器在同一个 worker、同一个后端上运行。MACs 来自本站的代价模型；时间是每个 kernel 在多次计时中的中位数。',
		measure: '重新测量',
		measuring: '测量中……',
		sections: '按网络的部分',
		kinds: '按运算种类',
		part: '部分',
		kind: '运算',
		macShare: 'MACs 占比',
		timeShare: '时间占比',
		ms: '时间（ms）',
		macs: 'MACs',
		classifier: '池化 + 分类器',
		stage: (name: string, n: number) => `${name}（阶段 ${n}）`,
		measured: (backend: string, runs: number, ms: string, low: string, high: string) =>
			`在 ${backend} 上测量：占比来自 ${runs} 次逐 kernel 计时的前向传播；普通前向传播每次 ${ms} ms（${3 * runs} 次的中位数，中间一半在 ${low}–${high} ms）。`,
		untimed: (backend: string) =>
			`${backend} 在这里无法给单个 kernel 计时（WebGL 需要 GPU 计时查询扩展，这个浏览器没有提供），所以只显示 MACs。在分类器的后端菜单中选择 WebAssembly 或 CPU 即可看到时间。`,
		shareOf: (label: string, macs: string, time: string) =>
			`${label}：占 MACs 的 ${macs}，占时间的 ${time}。`,
		noMacs: (time: string) => `完全不做乘加的 kernel（激活、相加、拼接、池化）：占时间的 ${time}。`,
		compare: (v: {
			a: string;
			b: string;
			macRatio: string;
			aMs: string;
			bMs: string;
			verdict: string;
			backend: string;
		}) =>
			`${v.b} 的 MACs 只有 ${v.a} 的 1/${v.macRatio}；在 ${v.backend} 上，${v.b} 一次前向传播用了 ${v.bMs} ms，${v.a} 用了 ${v.aMs} ms：${v.verdict}。`,
		withinSpread: '差别在多次运行的波动范围之内',
		faster: (name: string, ratio: string) => `${name} 的用时只有对方的 1/${ratio}`,
		slower: (name: string, ratio: string) => `${name} 的用时是对方的 ${ratio} 倍`,
		compareHint: (name: string) => `在上面选择 ${name}，即可在这个后端上比较两个网络。`
	}
};
