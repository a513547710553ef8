import { describe, expect, it } from 'vitest';
import {
	divergingColour,
	FALLBACK_STOPS,
	legendGradient,
	paintValues,
	parseCssColour,
	scaledValue,
	stopsFromCss,
	symmetricLimit,
	type DivergingStops
} from './colour-scale';

const stops: DivergingStops = { negative: [0, 0, 200], zero: [250, 250, 250], positive: [200, 0, 0] };

describe('parseCssColour', () => {
	it('reads #rgb, #rrggbb and rgb()/rgba()', () => {
		expect(parseCssColour('#fff')).toEqual([255, 255, 255]);
		expect(parseCssColour(' #2F6FB0 ')).toEqual([47, 111, 176]);
		expect(parseCssColour('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
		expect(parseCssColour('rgba(10 20 30 / 0.5)')).toEqual([10, 20, 30]);
	});
	it('refuses anything else', () => {
		expect(parseCssColour('')).toBeNull();
		expect(parseCssColour('red')).toBeNull();
		expect(parseCssColour('#12345')).toBeNull();
	});
});

describe('stopsFromCss', () => {
	it('takes the three CSS variables and falls back per stop', () => {
		const vars: Record<string, string> = { '--series-1': '#000010', '--surface': '#ffffff' };
		const got = stopsFromCss((name) => vars[name] ?? '');
		expect(got).toEqual({ negative: [0, 0, 16], zero: [255, 255, 255], positive: FALLBACK_STOPS.positive });
	});
});

describe('the diverging scale', () => {
	it('maps 0 to the zero colour and ±limit to the end colours', () => {
		expect(divergingColour(0, stops)).toEqual([250, 250, 250]);
		expect(divergingColour(1, stops)).toEqual([200, 0, 0]);
		expect(divergingColour(-1, stops)).toEqual([0, 0, 200]);
	});
	it('is linear in between and symmetric in |t|', () => {
		expect(divergingColour(0.5, stops)).toEqual([225, 125, 125]);
		expect(divergingColour(-0.5, stops)).toEqual([125, 125, 225]);
	});
	it('saturates beyond the limit and treats a bad limit as zero', () => {
		expect(scaledValue(5, 2)).toBe(1);
		expect(scaledValue(-5, 2)).toBe(-1);
		expect(scaledValue(1, 4)).toBe(0.25);
		expect(scaledValue(3, 0)).toBe(0);
		expect(scaledValue(Number.NaN, 1)).toBe(0);
		expect(divergingColour(7, stops)).toEqual(divergingColour(1, stops));
	});
	it('takes the symmetric limit as the largest absolute value', () => {
		expect(symmetricLimit(-3, 2)).toBe(3);
		expect(symmetricLimit(0.5, 4)).toBe(4);
		expect(symmetricLimit(Number.POSITIVE_INFINITY, 1)).toBe(0);
	});
	it('builds a legend gradient from −1 to 1', () => {
		const css = legendGradient(stops, 3);
		expect(css).toBe('linear-gradient(to right, rgb(0 0 200), rgb(250 250 250), rgb(200 0 0))');
	});
});

describe('paintValues', () => {
	it('paints a 2×1 map at an offset, scaled 2×, opaque', () => {
		const out = new Uint8ClampedArray(5 * 3 * 4);
		paintValues(out, 5, [-2, 2], { width: 2, height: 1, x: 1, y: 1, scale: 2 }, 2, stops);
		const pixel = (x: number, y: number) => Array.from(out.slice((y * 5 + x) * 4, (y * 5 + x) * 4 + 4));
		expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
		expect(pixel(1, 1)).toEqual([0, 0, 200, 255]);
		expect(pixel(2, 2)).toEqual([0, 0, 200, 255]);
		expect(pixel(3, 1)).toEqual([200, 0, 0, 255]);
		expect(pixel(4, 2)).toEqual([200, 0, 0, 255]);
		expect(pixel(0, 1)).toEqual([0, 0, 0, 0]);
	});
});
