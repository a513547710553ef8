import { describe, expect, it } from 'vitest';
import {
	formatMacsTick,
	formatFactor,
	formatInteger,
	formatMacs,
	formatParams,
	formatSignedPercent,
	texNumber
} from './format';

describe('formats', () => {
	it('MACs in M below a billion, in G above', () => {
		expect(formatMacs(385_814_752)).toBe('385.8 M');
		expect(formatMacs(37_745_884_192)).toBe('37.75 G');
	});
	it('params in millions and exact', () => {
		expect(formatParams(5_288_548)).toBe('5.29 M');
		expect(formatParams(1_184)).toBe('1.2 k');
		expect(formatInteger(66_347_960)).toBe('66,347,960');
	});
	it('signed percentages and factors', () => {
		expect(formatSignedPercent(0.0342)).toBe('+3.4 %');
		expect(formatSignedPercent(-0.1)).toBe('−10.0 %');
		expect(formatSignedPercent(0.0001)).toBe('±0.0 %');
		expect(formatFactor(7.0812)).toBe('×7.08');
		expect(formatFactor(256)).toBe('×256');
	});
	it('TeX numbers never show −0', () => {
		expect(texNumber(-0.001, 1)).toBe('0.0');
		expect(texNumber(-2, 1)).toBe('-2.0');
	});

	it('MAC axis ticks', () => {
		expect([1e8, 2e8, 1e9, 5e10, 1e12].map(formatMacsTick)).toEqual(['100 M', '200 M', '1 G', '50 G', '1 T']);
	});
});
