import { describe, expect, it } from 'vitest';
import { efficientnet } from '$lib/nets';
import { fieldSeries, formatFraction, fractionTicks } from './receptive-view';
import { matchAllDimensions } from './single-dimension';

describe('fieldSeries', () => {
	it('B7 against its single-dimension counterparts: resolution alone keeps B0’s 851 px on a larger image', () => {
		const b7 = efficientnet({ variant: 'b7' });
		const series = fieldSeries(b7, matchAllDimensions(37.75e9));
		expect(series.map((s) => s.key)).toEqual(['compound', 'depth', 'width', 'resolution']);
		const last = (key: string) => series.find((s) => s.key === key)!.rows.at(-1)!;
		expect(last('resolution').size).toBe(851);
		expect(last('width').size).toBe(851);
		expect(last('depth').size).toBeGreaterThan(last('compound').size);
		// Compound keeps the field in proportion to its 600 px input better than resolution alone does.
		expect(last('compound').fraction).toBeGreaterThan(last('resolution').fraction);
		expect(last('resolution').fraction).toBeCloseTo(851 / series[3].resolution, 12);
	});

	it('without matches yet, only the network on display', () => {
		expect(fieldSeries(efficientnet({ variant: 'b0' }), null)).toHaveLength(1);
	});
});

describe('fractionTicks and formatFraction', () => {
	it('powers of two that span the values; percentages', () => {
		const ticks = fractionTicks(fieldSeries(efficientnet({ variant: 'b0' }), null));
		expect(ticks[0]).toBeLessThanOrEqual(3 / 224);
		expect(ticks.at(-1)).toBeGreaterThanOrEqual(851 / 224);
		expect(ticks.every((t) => Number.isInteger(Math.log2(t)))).toBe(true);
		expect(formatFraction(851 / 224)).toBe('380 %');
		expect(formatFraction(3 / 224)).toBe('1.3 %');
	});
});
