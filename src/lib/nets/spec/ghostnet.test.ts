import { describe, expect, it } from 'vitest';
import ghostKeys from '../../../../tests/fixtures/reference/timm_ghostnet_100_keys.json';
import { ghostnet } from './ghostnet';
import { timmStateDict } from './state-dict';
import { tapNames } from './taps';
import { SpecError } from './types';

// facts.md C.6 per-block channels "in→mid→out (se)" for 0.5x / 1.0x / 1.3x.
const C6: Record<string, [string, string, string]> = {
	'blocks.0.0': ['8→8→8', '16→16→16', '20→20→20'],
	'blocks.1.0': ['8→24→12', '16→48→24', '20→64→32'],
	'blocks.2.0': ['12→36→12', '24→72→24', '32→92→32'],
	'blocks.3.0': ['12→36→20 (se 12)', '24→72→40 (se 20)', '32→92→52 (se 24)'],
	'blocks.4.0': ['20→60→20 (se 16)', '40→120→40 (se 32)', '52→156→52 (se 40)'],
	'blocks.5.0': ['20→120→40', '40→240→80', '52→312→104'],
	'blocks.6.0': ['40→100→40', '80→200→80', '104→260→104'],
	'blocks.6.1': ['40→92→40', '80→184→80', '104→240→104'],
	'blocks.6.2': ['40→92→40', '80→184→80', '104→240→104'],
	'blocks.6.3': ['40→240→56 (se 60)', '80→480→112 (se 120)', '104→624→144 (se 156)'],
	'blocks.6.4': ['56→336→56 (se 84)', '112→672→112 (se 168)', '144→872→144 (se 220)'],
	'blocks.7.0': ['56→336→80 (se 84)', '112→672→160 (se 168)', '144→872→208 (se 220)'],
	'blocks.8.0': ['80→480→80', '160→960→160', '208→1248→208'],
	'blocks.8.1': ['80→480→80 (se 120)', '160→960→160 (se 240)', '208→1248→208 (se 312)'],
	'blocks.8.2': ['80→480→80', '160→960→160', '208→1248→208'],
	'blocks.8.3': ['80→480→80 (se 120)', '160→960→160 (se 240)', '208→1248→208 (se 312)']
};
const STEM = [8, 16, 20];
const FINAL = ['80→480', '160→960', '208→1248'];
const WIDTHS = [0.5, 1.0, 1.3];

// facts.md C.3 (GhostNet 1.0x): Input, #exp, #out, SE, Stride per G-bneck row.
const C3: [string, number, number, boolean, number][] = [
	['112²×16', 16, 16, false, 1],
	['112²×16', 48, 24, false, 2],
	['56²×24', 72, 24, false, 1],
	['56²×24', 72, 40, true, 2],
	['28²×40', 120, 40, true, 1],
	['28²×40', 240, 80, false, 2],
	['14²×80', 200, 80, false, 1],
	['14²×80', 184, 80, false, 1],
	['14²×80', 184, 80, false, 1],
	['14²×80', 480, 112, true, 1],
	['14²×112', 672, 112, true, 1],
	['14²×112', 672, 160, true, 2],
	['7²×160', 960, 160, false, 1],
	['7²×160', 960, 160, true, 1],
	['7²×160', 960, 160, false, 1],
	['7²×160', 960, 160, true, 1]
];

describe('ghostnet channels (facts.md C.6)', () => {
	WIDTHS.forEach((width, column) => {
		it(`width ${width}`, () => {
			const spec = ghostnet({ width });
			const blocks = spec.stages.flatMap((s) => s.blocks);
			expect(spec.stem[0].outChannels).toBe(STEM[column]);
			for (const b of blocks.filter((b) => b.type === 'ghost')) {
				const se = b.seWidth === null ? '' : ` (se ${b.seWidth})`;
				expect(`${b.inChannels}→${b.midChannels}→${b.outChannels}${se}`, b.name).toBe(C6[b.name][column]);
				expect(b.ghost!.ghost1.primaryChannels).toBe(b.midChannels / 2);
				expect(b.ghost!.ghost1.cheapChannels).toBe(b.midChannels / 2);
				expect(b.ghost!.ghost2.primaryChannels).toBe(b.outChannels / 2);
			}
			const last = blocks[blocks.length - 1];
			expect(last.name).toBe('blocks.9.0');
			expect(`${last.inChannels}→${last.outChannels}`).toBe(FINAL[column]);
			expect(spec.head[0]).toMatchObject({
				key: 'conv_head',
				inChannels: last.outChannels,
				outChannels: 1280,
				bias: true
			});
		});
	});

	it('1.0x follows the paper table (Input, #exp, #out, SE, Stride)', () => {
		const rows = ghostnet({ width: 1 })
			.stages.flatMap((s) => s.blocks)
			.filter((b) => b.type === 'ghost')
			.map((b) => [
				`${b.input[0]}²×${b.input[2]}`,
				b.midChannels,
				b.outChannels,
				b.seWidth !== null,
				b.stride
			]);
		expect(rows).toEqual(C3);
	});

	it('projection shortcuts exactly on 1.0, 3.0, 5.0, 6.3, 7.0; SE on 3.0, 4.0, 6.3, 6.4, 7.0, 8.1, 8.3', () => {
		const blocks = ghostnet({ width: 1 }).stages.flatMap((s) => s.blocks);
		expect(blocks.filter((b) => b.shortcut === 'projection').map((b) => b.name)).toEqual([
			'blocks.1.0',
			'blocks.3.0',
			'blocks.5.0',
			'blocks.6.3',
			'blocks.7.0'
		]);
		expect(blocks.filter((b) => b.seWidth !== null).map((b) => b.name)).toEqual([
			'blocks.3.0',
			'blocks.4.0',
			'blocks.6.3',
			'blocks.6.4',
			'blocks.7.0',
			'blocks.8.1',
			'blocks.8.3'
		]);
	});

	it('1.0x implies exactly the timm ghostnet_100 state_dict (keys, order, shapes)', () => {
		const expected = ghostKeys.filter((e) => !e.key.endsWith('num_batches_tracked'));
		expect(timmStateDict(ghostnet({ width: 1 })).map(({ key, shape }) => ({ key, shape }))).toEqual(expected);
	});

	it('SE gate is hard-sigmoid after ReLU; ghost2 has no activation', () => {
		const block = ghostnet({ width: 1 }).stages[3].blocks[0];
		const se = block.layers.filter((l) => l.role === 'se');
		expect(se.map((l) => l.activation)).toEqual(['relu', 'hardsigmoid']);
		expect(
			block.layers.filter((l) => l.key.includes('ghost2') && l.op === 'bn').map((l) => l.activation)
		).toEqual(['none', 'none']);
		expect(
			block.layers.filter((l) => l.key.includes('ghost1') && l.op === 'bn').map((l) => l.activation)
		).toEqual(['relu', 'relu']);
	});
});

describe('ghostnet options', () => {
	it('ghostRatio s: init = ceil(out / s), cheap depthwise with multiplier s − 1', () => {
		const block = ghostnet({ width: 1, ghostRatio: 3 }).stages[1].blocks[0];
		const g1 = block.ghost!.ghost1;
		expect([g1.outChannels, g1.primaryChannels, g1.cheapChannels]).toEqual([48, 16, 32]);
		const g2 = block.ghost!.ghost2;
		expect([g2.outChannels, g2.primaryChannels, g2.cheapChannels]).toEqual([24, 8, 16]);
		const cheap = block.layers.find((l) => l.key === 'blocks.1.0.ghost2.cheap_operation.0')!;
		expect(cheap).toMatchObject({ op: 'depthwise', groups: 8, weightShape: [16, 1, 3, 3] });
		const odd = ghostnet({ width: 1, ghostRatio: 5 }).stages[0].blocks[0].ghost!.ghost1;
		expect([odd.outChannels, odd.primaryChannels, odd.cheapChannels]).toEqual([16, 4, 16]);
	});

	it("moduleKind 'conv' replaces each Ghost module with one 1x1 conv + BN", () => {
		const spec = ghostnet({ width: 1, moduleKind: 'conv' });
		const block = spec.stages[2].blocks[0];
		expect(block.layers.map((l) => l.key)).toEqual([
			'blocks.2.0.ghost1.conv',
			'blocks.2.0.ghost1.bn',
			'blocks.2.0.ghost2.conv',
			'blocks.2.0.ghost2.bn'
		]);
		expect(block.layers[0]).toMatchObject({ role: 'conv', weightShape: [72, 24, 1, 1] });
		expect(block.layers.map((l) => l.activation)).toEqual(['none', 'relu', 'none', 'none']);
		expect(tapNames(spec).some((t) => t.includes('primary'))).toBe(false);
	});

	it('resolution and numClasses', () => {
		const spec = ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
		expect(spec.stages.map((s) => s.output[2])).toEqual([4, 8, 8, 12, 12, 20, 28, 40, 40, 240]);
		expect(spec.features).toEqual([2, 2, 240]);
		expect(spec.classifier.weightShape).toEqual([10, 1280]);
	});

	it('tap names cover stem, stages, every Ghost module half and the features', () => {
		const taps = tapNames(ghostnet({ width: 1 }));
		expect(taps[0]).toBe('conv_stem');
		expect(taps).toContain('blocks.9');
		expect(taps).toContain('blocks.6.3.ghost2.cheap');
		expect(taps.filter((t) => t.endsWith('.primary'))).toHaveLength(32);
		expect(taps[taps.length - 1]).toBe('features');
	});

	const bad: [string, object][] = [
		['width 0', { width: 0 }],
		['width NaN', { width: NaN }],
		['width 9', { width: 9 }],
		['ghostRatio 1', { width: 1, ghostRatio: 1 }],
		['ghostRatio 2.5', { width: 1, ghostRatio: 2.5 }],
		['resolution 8', { width: 1, resolution: 8 }],
		['moduleKind unknown', { width: 1, moduleKind: 'dense' }],
		['numClasses 1.5', { width: 1, numClasses: 1.5 }]
	];
	for (const [what, options] of bad) {
		it(`throws SpecError: ${what}`, () => {
			expect(() => ghostnet(options as never)).toThrow(SpecError);
		});
	}
});
