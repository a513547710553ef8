import { describe, expect, it } from 'vitest';
import { FRAME, chartScales, proportionalLine, summary, type LatencyPoint } from './chart';

const points: LatencyPoint[] = [
	{ name: 'EfficientNet-B0', macs: 385_700_000, ms: 40, color: 'a' },
	{ name: 'GhostNet 1.0×', macs: 141_000_000, ms: 32, color: 'b' }
];

describe('latency vs MACs chart', () => {
	it('puts zero at the axes origin and every point inside the frame', () => {
		const { x, y } = chartScales(points);
		expect(x(0)).toBe(FRAME.margin.left);
		expect(y(0)).toBe(FRAME.height - FRAME.margin.bottom);
		for (const p of points) {
			expect(x(p.macs / 1e6)).toBeLessThan(FRAME.width - FRAME.margin.right);
			expect(y(p.ms)).toBeGreaterThan(FRAME.margin.top);
		}
	});

	it('draws the proportional line through the heavier network', () => {
		const end = proportionalLine(points, 500);
		// 40 ms at 385.7 M MACs → 500 M MACs would take 40 × 500 / 385.7 ms.
		expect(end?.y).toBeCloseTo((40 * 500) / 385.7, 6);
	});

	it('compares the two ratios in words, and says when the lighter network is slower', () => {
		expect(summary(points, 'WebGL', 'en')).toBe(
			'GhostNet 1.0× needs 2.7× fewer MACs than EfficientNet-B0, and on WebGL on this device it ran 1.3× faster.'
		);
		const slower = [points[0], { ...points[1], ms: 60 }];
		expect(summary(slower, 'CPU', 'zh')).toContain('反而慢 1.5 倍');
		expect(summary([points[0]], 'CPU', 'en')).toBe('');
	});
});
