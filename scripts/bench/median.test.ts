import { describe, expect, it } from 'vitest';
import { medianResults } from './median.js';

const run = (ours: number, peer: number, cold: number) => ({
	machine: { date: 'd' },
	latency: [
		{ net: 'efficientnet_b0', runtime: 'ours', backend: 'wasm', threads: 1, median: ours, min: ours, p90: ours },
		{ net: 'efficientnet_b0', runtime: 'onnxruntime-web', backend: 'wasm', threads: 1, median: peer, min: peer, p90: peer }
	],
	coldStart: [{ net: 'efficientnet_b0', runtime: 'ours', totalMs: cold, phases: { build: cold / 2 } }],
	logitChecks: [{ maxAbsDiff: 1e-7 }]
});

describe('medianResults', () => {
	it('takes the median of each figure over the runs and recomputes the best rows', () => {
		const m = medianResults([run(10, 20, 100), run(30, 10, 300), run(20, 30, 200)]);
		expect(m.latency.map((r: { median: number }) => r.median)).toEqual([20, 20]);
		expect(m.coldStart[0].totalMs).toBe(200);
		expect(m.coldStart[0].phases.build).toBe(100);
		expect(m.best['efficientnet_b0/ours'].median).toBe(20);
		expect(m.logitChecks).toHaveLength(3);
	});
});
