import { describe, expect, it } from 'vitest';
import { textWidth, wrapLabel } from './label-wrap';

describe('wrapLabel', () => {
	it('keeps a label that fits on one line', () => {
		expect(wrapLabel('Ghost module 1 (expand): 16→16', 400, 11.5, true)).toEqual([
			'Ghost module 1 (expand): 16→16'
		]);
	});

	it('breaks after ": ", ", " and " · " when the box is narrow, keeping the separator on the first line', () => {
		expect(wrapLabel('Ghost module 1 (expand): 16→16', 160, 11.5, true)).toEqual([
			'Ghost module 1 (expand):',
			'16→16'
		]);
		expect(wrapLabel('Depthwise 3×3, stride 2', 100, 11.5, true)).toEqual(['Depthwise 3×3,', 'stride 2']);
		expect(wrapLabel('stride 2 · 16 ch · BN', 90, 11)).toEqual(['stride 2', '16 ch · BN']);
	});

	it('puts as many pieces on a line as fit', () => {
		const lines = wrapLabel('1×1: 8 + 3×3 dw: 8 · BN, ReLU', 160, 11);
		expect(lines.join(' ')).toBe('1×1: 8 + 3×3 dw: 8 · BN, ReLU');
		expect(lines.length).toBeLessThanOrEqual(2);
		for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(160);
	});

	it('breaks Chinese labels after full-width separators and counts CJK characters as 1 em', () => {
		expect(textWidth('深度卷积', 11)).toBeCloseTo(44);
		expect(wrapLabel('深度卷积 3×3，步长 2', 80, 11.5, true)).toEqual(['深度卷积 3×3，', '步长 2']);
	});

	it('never cuts a piece wider than the box', () => {
		expect(wrapLabel('SE (hard-sigmoid gate)', 40, 11.5)).toEqual(['SE (hard-sigmoid gate)']);
	});
});
