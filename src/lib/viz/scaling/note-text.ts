/** Reader-facing sentences for the corrections in StateNote, in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { Language } from '$lib/content/languages';
import { LIMITS } from '$lib/nets';
import { RANGES, type StateNote } from './state';

const SYMBOL: Record<StateNote['param'], string> = {
	phi: 'φ',
	alpha: 'α',
	beta: 'β',
	gamma: 'γ',
	variant: 'variant'
};

function limitName(field: string | undefined, lang: Language): string {
	const depth = `${LIMITS.depth.max}`;
	const width = `${LIMITS.width.max}`;
	const pixels = `${LIMITS.resolution.max} px`;
	if (field?.startsWith('depth'))
		return lang === 'zh' ? `深度系数不超过 ${depth}` : `depth at most ×${depth}`;
	if (field?.startsWith('width'))
		return lang === 'zh' ? `宽度系数不超过 ${width}` : `width at most ×${width}`;
	return lang === 'zh' ? `输入分辨率不超过 ${pixels}` : `resolution at most ${pixels}`;
}

const MESSAGES: Localized<Record<StateNote['kind'], (n: StateNote, range: string) => string>> = {
	en: {
		'not-a-number': (n) => `${SYMBOL[n.param]} = “${n.given}” is not a number; using ${n.used}.`,
		'out-of-range': (n, range) => `${SYMBOL[n.param]} = ${n.given} is outside ${range}; using ${n.used}.`,
		rounded: (n) => `${SYMBOL[n.param]} = ${n.given} rounded to the slider step: ${n.used}.`,
		'unknown-variant': (n) => `There is no variant “${n.given}” (B0…B7); showing ${n.used}.`,
		ignored: (n) => `${SYMBOL[n.param]} = ${n.given} ignored: the URL also names ${n.used}.`,
		'phi-limited': (n) =>
			`φ lowered from ${n.given} to ${n.used}: the spec allows ${limitName(n.limit, 'en')}.`
	},
	zh: {
		'not-a-number': (n) => `${SYMBOL[n.param]} = “${n.given}” 不是数字，改用 ${n.used}。`,
		'out-of-range': (n, range) => `${SYMBOL[n.param]} = ${n.given} 超出 ${range}，改用 ${n.used}。`,
		rounded: (n) => `${SYMBOL[n.param]} = ${n.given} 已按滑块步长取为 ${n.used}。`,
		'unknown-variant': (n) => `没有名为 “${n.given}” 的版本（只有 B0…B7），改为显示 ${n.used}。`,
		ignored: (n) => `已忽略 ${SYMBOL[n.param]} = ${n.given}：链接中同时指定了 ${n.used}。`,
		'phi-limited': (n) => `φ 从 ${n.given} 降到 ${n.used}：规格要求${limitName(n.limit, 'zh')}。`
	}
};

export function noteMessage(note: StateNote, lang: Language): string {
	const range =
		note.param === 'variant'
			? ''
			: `${RANGES[note.param].min.toFixed(RANGES[note.param].decimals)}…${RANGES[note.param].max.toFixed(RANGES[note.param].decimals)}`;
	return MESSAGES[lang][note.kind](note, range);
}
