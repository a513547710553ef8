import { describe, expect, it } from 'vitest';
import { moduleLayout } from './module-layout';

const size = { cell: 10, gap: 4 };

describe('moduleLayout', () => {
	it('makes m = n/s intrinsic maps and (s − 1)·m ghost maps', () => {
		const layout = moduleLayout(12, 3, size);
		expect(layout.intrinsic).toHaveLength(4);
		expect(layout.outputs.filter((o) => o.kind === 'identity')).toHaveLength(4);
		expect(layout.outputs.filter((o) => o.kind === 'ghost')).toHaveLength(8);
		expect(layout.outputs.some((o) => o.dropped)).toBe(false);
	});

	it('orders the output as concat(intrinsic, cheap) with ghost j of map i at m + i·(s − 1) + j', () => {
		const layout = moduleLayout(12, 3, size);
		const sources = layout.outputs.map((o) => o.source);
		expect(sources).toEqual([0, 1, 2, 3, 0, 0, 1, 1, 2, 2, 3, 3]);
		expect(layout.outputs.map((o) => o.index)).toEqual([...Array(12).keys()]);
	});

	it('rounds m up and drops the surplus ghost maps when s does not divide n', () => {
		const layout = moduleLayout(10, 3, size);
		expect(layout.intrinsic).toHaveLength(4);
		const dropped = layout.outputs.filter((o) => o.dropped);
		expect(dropped.map((o) => o.index)).toEqual([10, 11]);
		expect(dropped.every((o) => o.kind === 'ghost' && o.source === 3)).toBe(true);
	});

	it('is an ordinary convolution for s = 1', () => {
		const layout = moduleLayout(5, 1, size);
		expect(layout.intrinsic).toHaveLength(5);
		expect(layout.outputs.every((o) => o.kind === 'identity')).toBe(true);
	});

	it('stacks the maps at cell + gap pitch', () => {
		const layout = moduleLayout(4, 2, size);
		expect(layout.outputs.map((o) => o.y)).toEqual([0, 14, 28, 42]);
		expect(layout.intrinsic.map((o) => o.y)).toEqual([0, 14]);
		expect(layout.height).toBe(52);
	});
});
