import { describe, expect, it } from 'vitest';
import { cost, ghostnet } from '$lib/nets';
import { ghostnetTable, type TableRow } from './ghostnet-table';

const tableFor = (width: number) => {
	const spec = ghostnet({ width });
	return ghostnetTable(spec, cost(spec));
};

// facts.md C.3, the paper's "Overall architecture of GhostNet": Input, Operator, #exp, #out, SE, Stride.
const PAPER_TABLE: [string, string, number | null, number | null, 0 | 1 | null, number | null][] = [
	['224²×3', 'Conv2d 3×3', null, 16, 0, 2],
	['112²×16', 'G-bneck', 16, 16, 0, 1],
	['112²×16', 'G-bneck', 48, 24, 0, 2],
	['56²×24', 'G-bneck', 72, 24, 0, 1],
	['56²×24', 'G-bneck', 72, 40, 1, 2],
	['28²×40', 'G-bneck', 120, 40, 1, 1],
	['28²×40', 'G-bneck', 240, 80, 0, 2],
	['14²×80', 'G-bneck', 200, 80, 0, 1],
	['14²×80', 'G-bneck', 184, 80, 0, 1],
	['14²×80', 'G-bneck', 184, 80, 0, 1],
	['14²×80', 'G-bneck', 480, 112, 1, 1],
	['14²×112', 'G-bneck', 672, 112, 1, 1],
	['14²×112', 'G-bneck', 672, 160, 1, 2],
	['7²×160', 'G-bneck', 960, 160, 0, 1],
	['7²×160', 'G-bneck', 960, 160, 1, 1],
	['7²×160', 'G-bneck', 960, 160, 0, 1],
	['7²×160', 'G-bneck', 960, 160, 1, 1],
	['7²×160', 'Conv2d 1×1', null, 960, 0, 1],
	['7²×960', 'AvgPool 7×7', null, null, null, null],
	['1²×960', 'Conv2d 1×1', null, 1280, 0, 1],
	['1²×1280', 'FC', null, 1000, null, null]
];

function paperCells(row: TableRow) {
	const [h, , c] = row.input;
	const op = row.operator;
	const operator =
		op.kind === 'bottleneck'
			? 'G-bneck'
			: op.kind === 'fc'
				? 'FC'
				: `${op.kind === 'pool' ? 'AvgPool' : 'Conv2d'} ${op.kernel}×${op.kernel}`;
	return [`${h}²×${c}`, operator, row.exp, row.out, row.se === null ? null : row.se ? 1 : 0, row.stride];
}

describe('ghostnetTable', () => {
	it('reproduces the paper’s table for GhostNet 1.0×', () => {
		expect(tableFor(1).map(paperCells)).toEqual(PAPER_TABLE);
	});

	it.each([
		[0.5, 2_587_292, 42.33e6],
		[1.0, 5_182_508, 141.15e6],
		[1.3, 7_358_820, 227.0e6]
	])('rows of GhostNet %s× add up to facts.md B: %i params, %d MACs', (width, params, macs) => {
		const rows = tableFor(width);
		expect(rows.reduce((sum, r) => sum + r.params, 0)).toBe(params);
		const totalMacs = rows.reduce((sum, r) => sum + (r.macs ?? 0), 0);
		expect(Math.abs(totalMacs - macs) / macs).toBeLessThan(1e-3);
	});

	it('scales #exp and #out with the width as facts.md C.6 lists', () => {
		const half = tableFor(0.5);
		const row = (rows: TableRow[], key: string) => rows.find((r) => r.key === key)!;
		expect(row(half, 'blocks.6.3')).toMatchObject({ exp: 240, out: 56, input: [14, 14, 40] });
		expect(row(half, 'conv_stem').out).toBe(8);
		const wide = tableFor(1.3);
		expect(row(wide, 'blocks.6.4')).toMatchObject({ exp: 872, out: 144 });
		expect(row(wide, 'blocks.9.0').out).toBe(1248);
		expect(row(wide, 'conv_head')).toMatchObject({ input: [1, 1, 1248], out: 1280 });
	});

	it('counts the stem conv with its BN by hand, and links bottleneck rows to their blocks', () => {
		const rows = tableFor(1);
		// conv 16·3·3·3 weights + BN 2·16; MACs 112·112·16·27
		expect(rows[0]).toMatchObject({ key: 'conv_stem', params: 432 + 32, macs: 112 * 112 * 16 * 27 });
		expect(rows[0].block).toBeNull();
		expect(rows[5].block?.name).toBe('blocks.4.0');
		expect(rows[5].block?.seWidth).toBe(32);
		expect(rows.find((r) => r.key === 'pool')).toMatchObject({ params: 0, macs: null });
	});
});
