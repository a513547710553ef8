import { describe, expect, it } from 'vitest';
import { formatMacs, formatMs, formatProbability } from './format';

describe('classifier formats', () => {
	it('formats latencies with a decimal only below 100 ms', () => {
		expect(formatMs(42.34)).toBe('42.3 ms');
		expect(formatMs(1234.5)).toBe('1235 ms');
		expect(formatMs(Number.NaN)).toBe('–');
	});
	it('formats MACs with four significant digits and a unit', () => {
		expect(formatMacs(385_718_336)).toBe('385.7M');
		expect(formatMacs(1_234_000_000)).toBe('1.234G');
		expect(formatMacs(2_000_000)).toBe('2M');
		expect(formatMacs(960)).toBe('960');
	});
	it('formats probabilities as percentages, marking tiny ones', () => {
		expect(formatProbability(0.8724)).toBe('87.2%');
		expect(formatProbability(0.0004)).toBe('<0.1%');
		expect(formatProbability(0)).toBe('0.0%');
	});
});
