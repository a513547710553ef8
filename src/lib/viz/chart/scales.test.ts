import { describe, expect, it } from 'vitest';
import { bandwidth, buildScale, centre, logTicks, position, ticksOf } from './scales';

describe('chart scales', () => {
	it('linear: maps the domain onto the range, optionally nice', () => {
		const s = buildScale({ kind: 'linear', domain: [0, 9.3], nice: true }, [0, 100]);
		expect(position(s, 0)).toBe(0);
		expect(s.kind === 'linear' && s.scale.domain()).toEqual([0, 10]);
		expect(position(s, 5)).toBe(50);
		expect(bandwidth(s)).toBe(0);
	});

	it('log: decades are equal steps', () => {
		const s = buildScale({ kind: 'log', domain: [0.1, 100] }, [0, 300]);
		expect(position(s, 1)).toBeCloseTo(100);
		expect(position(s, 10)).toBeCloseTo(200);
	});

	it('band: keys get bands, centre is in the middle', () => {
		const s = buildScale({ kind: 'band', domain: ['a', 'b'], padding: 0 }, [0, 100]);
		expect(position(s, 'b')).toBe(50);
		expect(bandwidth(s)).toBe(50);
		expect(centre(s, 'a')).toBe(25);
		expect(ticksOf(s)).toEqual(['a', 'b']);
		expect(position(s, 'zzz')).toBeNaN();
	});

	it('log ticks: 1-2-5 over a few decades, powers of ten over many', () => {
		expect(logTicks([0.3, 40])).toEqual([0.5, 1, 2, 5, 10, 20]);
		expect(logTicks([1e6, 1e12])).toEqual([1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
	});
});
