import { describe, expect, it } from 'vitest';
import { convDiagram, DIAGRAM_HEIGHT, MAX_DRAWN } from './conv-diagram';

const tracedInputs = (d: ReturnType<typeof convDiagram>) =>
	d.nodes.filter((n) => n.column === 'in' && n.traced).map((n) => n.channel);

describe('convDiagram', () => {
	it('ordinary 3→4: every output reads every input (12 edges); output 2 is traced through 3 of them', () => {
		const d = convDiagram('ordinary', 3, 4, 2);
		expect(d.edges).toHaveLength(12);
		expect(d.edges.filter((e) => e.traced)).toHaveLength(3);
		expect(tracedInputs(d)).toEqual([0, 1, 2]);
	});

	it('depthwise: C_in outputs whatever C_out is, each reading its own channel', () => {
		const d = convDiagram('depthwise', 3, 7, 1);
		expect(d.columns.map((c) => [c.column, c.channels])).toEqual([
			['in', 3],
			['out', 3]
		]);
		expect(d.edges.map((e) => [e.from.channel, e.to.channel])).toEqual([
			[0, 0],
			[1, 1],
			[2, 2]
		]);
		expect(tracedInputs(d)).toEqual([1]);
	});

	it('separable 3→4: 3 depthwise edges and 12 pointwise ones; one output reaches every input through them', () => {
		const d = convDiagram('separable', 3, 4, 0);
		expect(d.edges.filter((e) => e.op === 'kxk')).toHaveLength(3);
		expect(d.edges.filter((e) => e.op === '1x1')).toHaveLength(12);
		expect(d.edges.filter((e) => e.traced)).toHaveLength(6);
		expect(tracedInputs(d)).toEqual([0, 1, 2]);
	});

	it('draws at most MAX_DRAWN channels a column and counts the rest; the trace is clamped', () => {
		const d = convDiagram('ordinary', 96, 24, 20);
		expect(d.columns.map((c) => c.hidden)).toEqual([96 - MAX_DRAWN, 24 - MAX_DRAWN]);
		expect(d.nodes).toHaveLength(2 * MAX_DRAWN);
		expect(d.traced).toBe(MAX_DRAWN - 1);
		expect(d.edges).toHaveLength(MAX_DRAWN * MAX_DRAWN);
	});

	it('has the same height for any channel count', () => {
		for (const [cIn, cOut] of [
			[1, 1],
			[3, 8],
			[200, 2]
		]) {
			expect(convDiagram('separable', cIn, cOut, 0).height).toBe(DIAGRAM_HEIGHT);
		}
		const one = convDiagram('ordinary', 1, 1, 0);
		expect(one.nodes.every((n) => n.y > 0 && n.y < DIAGRAM_HEIGHT)).toBe(true);
	});
});
