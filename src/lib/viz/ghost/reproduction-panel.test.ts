import { describe, expect, it } from 'vitest';
import { labelBox, labelSides, panelDomains, paddedDomain } from './reproduction-panel';

describe('panel domains', () => {
	it('pad the values on both sides, by a minimum when they are all equal', () => {
		expect(paddedDomain([1, 3], 0.25, 0.1)).toEqual([0.5, 3.5]);
		expect(paddedDomain([2, 2], 0.25, 0.1)).toEqual([1.9, 2.1]);
	});

	it('cover every point and its seed range', () => {
		const d = panelDomains([
			{ key: 'a', name: 'a', label: 'a', x: 1.5, y: 83, min: 82.7, max: 83.3 },
			{ key: 'b', name: 'b', label: 'b', x: 2.2, y: 81, min: 81, max: 81 }
		]);
		expect(d.x[0]).toBeLessThan(1.5);
		expect(d.x[1]).toBeGreaterThan(2.2);
		expect(d.y[0]).toBeLessThan(81);
		expect(d.y[1]).toBeGreaterThan(83.3);
	});

	it('make room for extra values on y, such as a reference line', () => {
		const points = [{ key: 'a', name: 'a', label: 'a', x: 1, y: 93.5, min: 93.5, max: 93.5 }];
		expect(panelDomains(points, [95]).y[1]).toBeGreaterThan(95);
	});
});

describe('label sides', () => {
	it('put names right of points in the left part of the plot, left of points in the right part', () => {
		expect(
			labelSides(
				[
					{ px: 20, py: 50, chars: 5 },
					{ px: 280, py: 50, chars: 5 }
				],
				300,
				100
			)
		).toEqual(['right', 'left']);
	});

	it('move a name that would cover a neighbour’s name or point', () => {
		// Two points 8 px apart on the same height: the second name cannot go right of the first point's name.
		const placed = [
			{ px: 100, py: 50, chars: 5 },
			{ px: 92, py: 51, chars: 5 }
		];
		const sides = labelSides(placed, 300, 100);
		const boxes = placed.map((p, i) => labelBox(p.px, p.py, p.chars, sides[i]));
		const [a, b] = boxes;
		expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
		for (const box of boxes)
			for (const p of placed)
				expect(box.x0 > p.px + 6 || box.x1 < p.px - 6 || box.y0 > p.py + 6 || box.y1 < p.py - 6).toBe(true);
	});
});
