import { describe, expect, it } from 'vitest';
import { noteMessage } from './note-text';
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
