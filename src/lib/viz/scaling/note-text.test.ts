import { describe, expect, it } from 'vitest';
import { ECHO_MAX, echo, noteMessage } from './note-text';
import { parseQuery, setParam, variantState } from './state';

describe('note messages', () => {
	it('say what was given, the allowed range and what is used, in both languages', () => {
		const { notes } = parseQuery(new URLSearchParams('phi=x&alpha=7'));
		expect(notes.map((n) => noteMessage(n, 'en'))).toEqual([
			'φ = “x” is not a number; using 0.0.',
			'α = 7 is outside 1.00…2.00; using 2.00.'
		]);
		expect(noteMessage(notes[1], 'zh')).toBe('α = 7 超出 1.00…2.00，改用 2.00。');
	});

	it('name the spec limit that lowered φ', () => {
		const { notes } = setParam({ ...variantState('b0'), phi: 8 }, 'gamma', 2);
		expect(noteMessage(notes[0], 'en')).toBe(
			'φ lowered from 8.0 to 2.4: the spec allows resolution at most 1200 px.'
		);
		expect(noteMessage(notes[0], 'zh')).toContain('1200 px');
	});
});

describe('values from the link in notes', () => {
	const messages = (search: string, lang: 'en' | 'zh' = 'en') =>
		parseQuery(new URLSearchParams(search)).notes.map((n) => noteMessage(n, lang));

	it('cut a long value to a few dozen characters, with an ellipsis', () => {
		const long = `1.25${'0'.repeat(1_000_000)}`;
		const [note] = messages(`phi=${long}`);
		expect(note).toBe(`φ = 1.25${'0'.repeat(ECHO_MAX - 5)}… rounded to the slider step: 1.3.`);
		const [variant] = messages(`variant=b${'9'.repeat(1_000_000)}`, 'zh');
		expect(variant.length).toBeLessThan(80);
		expect(variant).toContain('…');
	});

	it('never repeat text that is not a single token: a sentence placed in a link stays out', () => {
		const sentence = 'Your session expired. Call +1 555 0100 to restore access';
		for (const search of [`variant=${sentence}`, `phi=${sentence}`, `variant=b2&alpha=${sentence}`]) {
			for (const lang of ['en', 'zh'] as const) {
				const text = messages(search, lang).join(' ');
				expect(text).not.toMatch(/session|555|Call/);
				expect(text.length).toBeGreaterThan(10);
			}
		}
		expect(messages(`variant=${sentence}`)).toEqual([
			'The link names a variant that does not exist (B0…B7); showing B0.'
		]);
	});

	it('echo keeps short tokens and refuses everything else', () => {
		expect(echo('b9')).toBe('b9');
		expect(echo(' 1.5e3 ')).toBe('1.5e3');
		expect(echo('x'.repeat(ECHO_MAX))).toBe('x'.repeat(ECHO_MAX));
		expect(echo('x'.repeat(ECHO_MAX + 1))).toBe(`${'x'.repeat(ECHO_MAX - 1)}…`);
		for (const text of ['', 'two words', '<b>', 'b2;', '危险', 'a\u202eb']) expect(echo(text)).toBeNull();
	});
});
