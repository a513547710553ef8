import { describe, expect, it } from 'vitest';
import { logStops, steppedLogScale } from './slider-scale';

describe('stepped log scale for long-range sliders', () => {
	const scale = steppedLogScale(1, 1024);

	it('runs from min to max, ascending, without repeats', () => {
		const { stops } = scale;
		expect(stops[0]).toBe(1);
		expect(stops.at(-1)).toBe(1024);
		for (let i = 1; i < stops.length; i++) expect(stops[i]).toBeGreaterThan(stops[i - 1]);
	});

	it('has every integer at the low end and every power of two', () => {
		expect(scale.stops.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		for (let p = 0; p <= 10; p++) expect(scale.stops).toContain(2 ** p);
	});

	it('moves by a ratio of 2^(1/6) (12 %) per step, up to rounding to whole channels', () => {
		const { stops } = scale;
		for (let i = 1; i < stops.length; i++)
			expect(stops[i]).toBeLessThanOrEqual((stops[i - 1] + 0.5) * 2 ** (1 / 6) + 0.5);
		// 50 stops over 1–1024: on a 200 px phone slider, 4 px per stop instead of 0.2 px per channel.
		expect(stops).toHaveLength(50);
	});

	it('maps each stop to its position and back', () => {
		scale.stops.forEach((stop, i) => {
			expect(scale.toPosition(stop)).toBe(i);
			expect(scale.toValue(i)).toBe(stop);
		});
	});

	it('puts a value between stops at the nearer one in log space, and clamps', () => {
		// 120 lies between 114 and 128: log(120/114) = 0.051 < log(128/120) = 0.065.
		expect(scale.stops).toContain(114);
		expect(scale.stops).toContain(128);
		expect(scale.toValue(scale.toPosition(120))).toBe(114);
		expect(scale.toValue(scale.toPosition(124))).toBe(128);
		expect(scale.toPosition(0)).toBe(0);
		expect(scale.toPosition(5000)).toBe(scale.stops.length - 1);
		expect(scale.toPosition(Number.NaN)).toBe(0);
		expect(scale.toValue(-3)).toBe(1);
		expect(scale.toValue(1e6)).toBe(1024);
		expect(scale.toValue(2.4)).toBe(3);
	});

	it('works for other ranges and refuses impossible ones', () => {
		expect(logStops(16, 64, 2)).toEqual([16, 23, 32, 45, 64]);
		expect(logStops(3, 10, 1)).toEqual([3, 6, 10]);
		expect(() => logStops(0, 10)).toThrow(RangeError);
		expect(() => logStops(10, 10)).toThrow(RangeError);
	});
});
