import { describe, expect, it } from 'vitest';
import { formatCompact, formatCount, formatRatio, texEquals, texNumber } from './format';

describe('format', () => {
	it('groups counts in both languages', () => {
		expect(formatCount(5_182_508, 'en')).toBe('5,182,508');
		expect(formatCount(5_182_508, 'zh')).toBe('5,182,508');
		expect(formatCount(960, 'en')).toBe('960');
	});

	it('abbreviates large counts', () => {
		expect(formatCompact(141_150_000)).toBe('141.15M');
		expect(formatCompact(2_587_292)).toBe('2.59M');
		expect(formatCompact(1_200_000_000)).toBe('1.20G');
		expect(formatCompact(12_800)).toBe('12.80K');
		expect(formatCompact(960)).toBe('960');
		expect(formatCompact(0)).toBe('0');
	});

	it('prints ratios to three decimals', () => {
		expect(formatRatio(128 / 65)).toBe('1.969');
	});

	it('writes TeX numbers with grouped digits', () => {
		expect(texNumber(115_605_504)).toBe('115{,}605{,}504');
		expect(texNumber(999)).toBe('999');
		expect(texNumber(1234.5678)).toBe('1{,}234.568');
		expect(texEquals(32)).toBe('= 32');
		expect(texEquals(10 / 3)).toBe('\\approx 3.333');
	});
});

describe('texNumber and floating-point noise', () => {
	it('treats 1979.9999999999998 as the whole number 1980', () => {
		expect(texNumber(1979.9999999999998)).toBe('1{,}980');
		expect(texEquals(1979.9999999999998)).toBe('= 1{,}980');
	});
});
