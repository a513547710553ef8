import { describe, expect, it } from 'vitest';
import { FRAME, chartScales, compareLatency, proportionalLine, summary, type LatencyPoint } from './chart';

const points: LatencyPoint[] = [
	{ name: 'EfficientNet-B0', macs: 385_700_000, ms: 40, samplesMs: [38, 39, 40, 41, 42], color: 'a' },
	{ name: 'GhostNet 1.0×', macs: 141_000_000, ms: 32, samplesMs: [30, 31, 32, 33, 34], color: 'b' }
];
const [heavy, light] = points;

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
		const slower = [heavy, { ...light, ms: 60, samplesMs: [58, 59, 60, 61, 62] }];
		expect(summary(slower, 'CPU', 'zh')).toContain('反而慢 1.5 倍');
		expect(summary([heavy], 'CPU', 'en')).toBe('');
	});

	it('calls overlapping middle halves noise, whichever median is lower, so reloads cannot flip it', () => {
		// Two reloads on one machine: the medians order the networks one way, then the other.
		const reloads: [number[], number[]][] = [
			[
				[2.9, 3.0, 3.1, 3.6, 4.0],
				[3.0, 3.2, 3.4, 3.5, 3.9]
			],
			[
				[3.2, 3.4, 3.6, 3.8, 4.1],
				[3.0, 3.1, 3.3, 3.5, 3.7]
			]
		];
		for (const [l, h] of reloads) {
			const pair = [
				{ ...heavy, samplesMs: h, ms: h[2] },
				{ ...light, samplesMs: l, ms: l[2] }
			];
			expect(compareLatency(pair[1], pair[0])).toEqual({ kind: 'noise' });
			expect(summary(pair, 'WebAssembly', 'en')).toMatch(/within the measured noise/);
			expect(summary(pair, 'WebAssembly', 'zh')).toMatch(/测量噪声之内/);
		}
		expect(
			summary(
				[
					{ ...heavy, samplesMs: reloads[0][1], ms: 3.4 },
					{ ...light, samplesMs: reloads[0][0], ms: 3.1 }
				],
				'CPU',
				'en'
			)
		).toBe(
			'GhostNet 1.0× needs 2.7× fewer MACs than EfficientNet-B0, but on CPU on this device their times (medians 3.1 and 3.4 ms over 5 runs each) are within the measured noise: the middle halves of their runs overlap.'
		);
	});

	it('does not call a winner with fewer than 5 runs of each', () => {
		expect(compareLatency({ ...light, samplesMs: [30, 31, 32] }, heavy)).toEqual({ kind: 'noise' });
		expect(compareLatency(light, heavy)).toEqual({ kind: 'faster', ratio: 40 / 32 });
	});
});
