import { describe, expect, it } from 'vitest';
import { atlasGrid, atlasOrigin, displayLayout, inset, mapAt, mapRect, moveFocus } from './atlas-layout';

const box = { width: 720, height: 440 };

describe('displayLayout', () => {
	it('fits every map inside the box and uses the best column count', () => {
		for (const [groups, perGroup] of [
			[8, 2],
			[24, 2],
			[480, 2],
			[16, 1],
			[3, 3]
		]) {
			const layout = displayLayout({ groups, perGroup, mapSize: 7 }, box);
			expect(layout.cols * layout.rows).toBeGreaterThanOrEqual(groups);
			expect((layout.rows - 1) * layout.cols).toBeLessThan(groups);
			expect(layout.width).toBeLessThanOrEqual(box.width + 1e-6);
			expect(layout.height).toBeLessThanOrEqual(box.height + 1e-6);
			const last = mapRect(layout, groups - 1, perGroup - 1);
			expect(last.y + last.height).toBeLessThanOrEqual(box.height + 1e-6);
			// No other column count gives bigger maps.
			for (let cols = 1; cols <= groups; cols++) {
				const rows = Math.ceil(groups / cols);
				const unitsX = cols * (perGroup + (perGroup - 1) * 0.08) + (cols - 1) * 0.25;
				const size = Math.min(box.width / unitsX, box.height / (rows + (rows - 1) * 0.25), 160);
				expect(size).toBeLessThanOrEqual(layout.size + 1e-9);
			}
		}
	});

	it('lays 8 pairs in 3 columns and 480 pairs in many small maps', () => {
		const few = displayLayout({ groups: 8, perGroup: 2, mapSize: 112 }, box);
		expect([few.cols, few.rows]).toEqual([3, 3]);
		expect(few.size).toBeCloseTo(720 / (3 * 2.08 + 2 * 0.25), 6);
		const many = displayLayout({ groups: 480, perGroup: 2, mapSize: 7 }, box);
		expect(many.size).toBeGreaterThan(10);
		expect(many.size).toBeLessThan(20);
	});

	it('never draws a map larger than maxSize', () => {
		expect(displayLayout({ groups: 1, perGroup: 2, mapSize: 112 }, box, 100).size).toBe(100);
	});

	it('refuses an empty grid', () => {
		expect(() => displayLayout({ groups: 0, perGroup: 2, mapSize: 7 }, box)).toThrow(RangeError);
	});
});

describe('mapAt and mapRect', () => {
	const layout = displayLayout({ groups: 5, perGroup: 2, mapSize: 7 }, { width: 300, height: 300 });
	it('finds the map whose rectangle contains the point, for every map', () => {
		for (let group = 0; group < 5; group++) {
			for (let member = 0; member < 2; member++) {
				const r = mapRect(layout, group, member);
				expect(mapAt(layout, r.x + r.width / 2, r.y + r.height / 2)).toEqual({ group, member });
				expect(mapAt(layout, r.x + 0.01, r.y + 0.01)).toEqual({ group, member });
			}
		}
	});
	it('returns null over gaps, outside and past the last group', () => {
		const r = mapRect(layout, 0, 1);
		expect(mapAt(layout, r.x + r.width + layout.groupGap / 2, r.y + 1)).toBeNull();
		expect(mapAt(layout, 1, r.height + layout.groupGap / 2)).toBeNull();
		expect(mapAt(layout, -1, 1)).toBeNull();
		const empty = {
			x: (5 % layout.cols) * layout.pitchX + 1,
			y: Math.floor(5 / layout.cols) * layout.pitchY + 1
		};
		if (layout.cols * layout.rows > 5) expect(mapAt(layout, empty.x, empty.y)).toBeNull();
		expect(mapAt(layout, layout.cols * layout.pitchX + 1, 1)).toBeNull();
	});
});

describe('atlasGrid', () => {
	it('packs groups tightly in the display grid order', () => {
		const layout = displayLayout({ groups: 5, perGroup: 2, mapSize: 7 }, { width: 300, height: 300 });
		const grid = atlasGrid(layout);
		expect(grid.width).toBe(layout.cols * 2 * 7);
		expect(grid.height).toBe(layout.rows * 7);
		expect(atlasOrigin(grid, 0, 1)).toEqual({ x: 7, y: 0 });
		expect(atlasOrigin(grid, layout.cols, 0)).toEqual({ x: 0, y: 7 });
		expect(atlasOrigin(grid, layout.cols + 1, 1)).toEqual({ x: 21, y: 7 });
	});
});

describe('moveFocus', () => {
	it('steps through a 3-column grid of 7 and clamps at the ends', () => {
		expect(moveFocus(0, 'ArrowRight', 3, 7)).toBe(1);
		expect(moveFocus(0, 'ArrowLeft', 3, 7)).toBe(0);
		expect(moveFocus(1, 'ArrowDown', 3, 7)).toBe(4);
		expect(moveFocus(4, 'ArrowDown', 3, 7)).toBe(4);
		expect(moveFocus(3, 'ArrowDown', 3, 7)).toBe(6);
		expect(moveFocus(4, 'ArrowUp', 3, 7)).toBe(1);
		expect(moveFocus(1, 'ArrowUp', 3, 7)).toBe(1);
		expect(moveFocus(5, 'Home', 3, 7)).toBe(0);
		expect(moveFocus(0, 'End', 3, 7)).toBe(6);
		expect(moveFocus(6, 'ArrowRight', 3, 7)).toBe(6);
		expect(moveFocus(2, 'a', 3, 7)).toBeNull();
	});
});

describe('inset', () => {
	it('keeps a margin on every side, never less than 1 px of content', () => {
		expect(inset({ width: 720, height: 420 })).toEqual({ width: 704, height: 404 });
		expect(inset({ width: 10, height: 10 }, 8)).toEqual({ width: 1, height: 1 });
	});
});
