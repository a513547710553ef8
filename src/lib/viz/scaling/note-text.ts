/**
 * Reader-facing sentences for the corrections in StateNote, in both languages. Values from the link
 * are repeated only as short tokens (`echo`).
 */
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

/** The most characters of a link's value that a note repeats; longer values are cut, with an ellipsis. */
export const ECHO_MAX = 24;

/**
 * A value from the link as a note may repeat it: one token of letters, digits, signs and dots (a
 * number, or a variant name such as "b9"), cut to ECHO_MAX characters. Null for anything else (spaces,
 * punctuation, other scripts): the note then says what was wrong without repeating it, so that a link
 * cannot place a sentence of its own in the page's correction box.
 */
export function echo(given: string): string | null {
	const token = given.trim();
	if (!/^[-+.0-9a-z]+$/i.test(token)) return null;
	return token.length > ECHO_MAX ? `${token.slice(0, ECHO_MAX - 1)}…` : token;
}

type Message = (n: StateNote, range: string, given: string | null) => string;

const MESSAGES: Localized<Record<StateNote['kind'], Message>> = {
	en: {
		'not-a-number': (n, _, given) =>
			given === null
				? `${SYMBOL[n.param]} in the link is not a number; using ${n.used}.`
				: `${SYMBOL[n.param]} = “${given}” is not a number; using ${n.used}.`,
		'out-of-range': (n, range, given) =>
			`${SYMBOL[n.param]} = ${given ?? '?'} is outside ${range}; using ${n.used}.`,
		rounded: (n, _, given) => `${SYMBOL[n.param]} = ${given ?? '?'} rounded to the slider step: ${n.used}.`,
		'unknown-variant': (n, _, given) =>
			given === null
				? `The link names a variant that does not exist (B0…B7); showing ${n.used}.`
				: `There is no variant “${given}” (B0…B7); showing ${n.used}.`,
		ignored: (n, _, given) =>
			given === null
				? `${SYMBOL[n.param]} in the link ignored: the URL also names ${n.used}.`
				: `${SYMBOL[n.param]} = ${given} ignored: the URL also names ${n.used}.`,
		'phi-limited': (n) =>
			`φ lowered from ${n.given} to ${n.used}: the spec allows ${limitName(n.limit, 'en')}.`
	},
	zh: {
		'not-a-number': (n, _, given) =>
			given === null
				? `链接中的 ${SYMBOL[n.param]} 不是数字，改用 ${n.used}。`
				: `${SYMBOL[n.param]} = “${given}” 不是数字，改用 ${n.used}。`,
		'out-of-range': (n, range, given) =>
			`${SYMBOL[n.param]} = ${given ?? '?'} 超出 ${range}，改用 ${n.used}。`,
		rounded: (n, _, given) => `${SYMBOL[n.param]} = ${given ?? '?'} 已按滑块步长取为 ${n.used}。`,
		'unknown-variant': (n, _, given) =>
			given === null
				? `链接中指定的版本不存在（只有 B0…B7），改为显示 ${n.used}。`
				: `没有名为 “${given}” 的版本（只有 B0…B7），改为显示 ${n.used}。`,
		ignored: (n, _, given) =>
			given === null
				? `已忽略链接中的 ${SYMBOL[n.param]}：链接中同时指定了 ${n.used}。`
				: `已忽略 ${SYMBOL[n.param]} = ${given}：链接中同时指定了 ${n.used}。`,
		'phi-limited': (n) => `φ 从 ${n.given} 降到 ${n.used}：规格要求${limitName(n.limit, 'zh')}。`
	}
};

export function noteMessage(note: StateNote, lang: Language): string {
	const range =
		note.param === 'variant'
			? ''
			: `${RANGES[note.param].min.toFixed(RANGES[note.param].decimals)}…${RANGES[note.param].max.toFixed(RANGES[note.param].decimals)}`;
	return MESSAGES[lang][note.kind](note, range, echo(note.given));
}
