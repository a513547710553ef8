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

	it('combines the Ghost lab map timings per module and backend, keeping the worst leak', () => {
		const phase = (x: number) => ({ median: x, min: x, p90: 2 * x, runs: 20 });
		const maps = (total: number, leaked: number) => ({
			...run(1, 1, 1),
			ghostMaps: [
				{
					module: 'blocks.0.0.ghost1',
					backend: 'wasm',
					threads: 1,
					preprocessMs: phase(total / 4),
					computeMs: phase(total / 2),
					drawMs: phase(total / 4),
					totalMs: phase(total),
					tensorsLeaked: leaked
				}
			]
		});
		const m = medianResults([maps(40, 0), maps(80, 1), maps(60, 0)]);
		expect(m.ghostMaps).toHaveLength(1);
		expect(m.ghostMaps[0].totalMs.median).toBe(60);
		expect(m.ghostMaps[0].totalMs.p90).toBe(120);
		expect(m.ghostMaps[0].computeMs.median).toBe(30);
		expect(m.ghostMaps[0].tensorsLeaked).toBe(1);
		expect(m.ghostMaps[0].samples).toBe(3);
	});
});
