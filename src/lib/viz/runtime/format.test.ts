import { describe, expect, it } from 'vitest';
import { formatBytes, percentDone } from './format';

describe('formatBytes', () => {
	it('uses MB, kB and B', () => {
		expect(formatBytes(21_322_648)).toBe('21.3 MB');
		expect(formatBytes(512_400)).toBe('512 kB');
		expect(formatBytes(900)).toBe('900 B');
	});
	it('shows a dash for impossible sizes', () => {
		expect(formatBytes(-1)).toBe('–');
		expect(formatBytes(Number.NaN)).toBe('–');
	});
});

describe('percentDone', () => {
	it('floors, so 100% means all bytes arrived', () => {
		expect(percentDone(999, 1000)).toBe(99);
		expect(percentDone(1000, 1000)).toBe(100);
	});
	it('is null without a known total and clamps overshoot', () => {
		expect(percentDone(10, null)).toBeNull();
		expect(percentDone(10, 0)).toBeNull();
		expect(percentDone(2000, 1000)).toBe(100);
	});
});
