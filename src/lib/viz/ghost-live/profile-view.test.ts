import { describe, expect, it } from 'vitest';
import type { NetworkProfile } from '$lib/live/compute/profile';
import { efficientnet } from '$lib/nets';
import {
	compareModels,
	comparisonStandIns,
	kindRows,
	readingSlots,
	readKinds,
	sectionLabel,
	sectionRows,
	shares
} from './profile-view';

const profile = (wallMs: number, range: [number, number]): NetworkProfile => ({
	backend: 'wasm',
	runs: 7,
	timed: true,
	wallMs,
	wallMsRange: range,
	kernelMs: wallMs,
	kernels: 10,
	sections: [],
	kinds: [
		{ key: 'conv-1x1', macs: 80, ms: 2 },
		{ key: 'depthwise', macs: 20, ms: 6 },
		{ key: 'elementwise', macs: 0, ms: 2 },
		{ key: 'concat', macs: 0, ms: 0 }
	]
});

describe('profile view', () => {
	it("labels EfficientNet's sections with the paper's stage numbers and GhostNet's with timm's names", () => {
		expect(sectionLabel('stem', 'efficientnet', 'en')).toBe('stem (stage 1)');
		expect(sectionLabel('blocks.0', 'efficientnet', 'en')).toBe('blocks.0 (stage 2)');
		expect(sectionLabel('head', 'efficientnet', 'zh')).toBe('head（阶段 9）');
		expect(sectionLabel('blocks.9', 'ghostnet', 'en')).toBe('blocks.9');
		expect(sectionLabel('classifier', 'ghostnet', 'zh')).toBe('池化 + 分类器');
	});

	it('reads shares from the rows: kinds with MACs, and every time-only kind whether timed or not', () => {
		const rows = kindRows(profile(10, [9, 11]).kinds, 'en');
		expect(rows.map((r) => r.key)).toEqual([
			'conv-1x1',
			'depthwise',
			'elementwise',
			'concat',
			'pool',
			'other'
		]);
		expect(rows.map((r) => r.timeShare)).toEqual([0.2, 0.6, 0.2, 0, 0, 0]);
		// Before a measurement the same rows, times unknown.
		const before = kindRows(
			profile(10, [9, 11]).kinds.map((k) => ({ ...k, ms: NaN })),
			'en'
		);
		expect(before.map((r) => r.key)).toEqual(rows.map((r) => r.key));
		expect(before.every((r) => Number.isNaN(r.timeShare))).toBe(true);
		expect(readKinds(rows, 'en')).toEqual([
			'1×1 convolutions: 80.0% of the MACs, 20.0% of the time.',
			'depthwise convolutions: 20.0% of the MACs, 60.0% of the time.',
			'Kernels that do no multiply-adds at all (activations, adds, concat, pooling): 20.0% of the time.'
		]);
	});

	it('before a measurement: the MAC shares of the spec, the times unknown', () => {
		const spec = efficientnet({ width: 1, depth: 1 });
		const rows = sectionRows(shares(spec, null).sections, 'efficientnet', 'en');
		expect(rows.reduce((a, r) => a + r.macShare, 0)).toBeCloseTo(1, 12);
		expect(rows.every((r) => Number.isNaN(r.timeShare))).toBe(true);
	});

	it('says a difference inside the spread of the runs is within it, and otherwise how large it is', () => {
		const b0 = { name: 'EfficientNet-B0', macs: 385e6 };
		const ghost = { name: 'GhostNet 1.0×', macs: 141e6 };
		const close = compareModels(
			{ ...b0, profile: profile(10, [9, 12]) },
			{ ...ghost, profile: profile(11, [10, 13]) },
			'en'
		);
		expect(close?.text).toBe(
			'GhostNet 1.0× does 2.7× fewer MACs than EfficientNet-B0; on WebAssembly a pass took 11.0 ms against 10.0 ms: the difference is within the spread of the runs.'
		);
		const apart = compareModels(
			{ ...b0, profile: profile(20, [19, 22]) },
			{ ...ghost, profile: profile(10, [9, 11]) },
			'zh'
		);
		expect(apart?.text).toMatch(/GhostNet 1.0× 的用时只有对方的 1\/2.0。$/);
		// The other verdicts, same numbers, to reserve the sentence's size.
		expect(apart?.alternatives).toHaveLength(2);
		expect(apart?.alternatives.some((s) => s.endsWith('差别在多次运行的波动范围之内。'))).toBe(true);
		const other = { ...profile(10, [9, 11]), backend: 'cpu' };
		expect(
			compareModels({ ...b0, profile: other }, { ...ghost, profile: profile(5, [4, 6]) }, 'en')
		).toBeNull();
	});

	it('keeps a place for every sentence before a measurement, each with the widest time share', () => {
		const spec = efficientnet({ variant: 'b0' });
		const before = readingSlots(kindRows(shares(spec, null).kinds, 'en'), false, 'en');
		const after = readingSlots(kindRows(profile(10, [9, 11]).kinds, 'en'), true, 'en');
		expect(before.map((s) => s.key)).toEqual(['conv-1x1', 'depthwise', 'se', 'no-macs']);
		expect(before.every((s) => s.text === '' && /100\.0%/.test(s.standIn))).toBe(true);
		// The measured sentences fill their places; the place of a sentence a pass does not say stays.
		expect(after.map((s) => s.key)).toEqual(['conv-1x1', 'depthwise', 'no-macs']);
		expect(after.map((s) => s.text)).toEqual(readKinds(kindRows(profile(10, [9, 11]).kinds, 'en'), 'en'));
	});

	it("holds the comparison's hint and each of its verdicts as stand-ins", () => {
		const [a, b] = [
			{ name: 'EfficientNet', macs: 400 },
			{ name: 'GhostNet', macs: 100 }
		];
		const standIns = comparisonStandIns(a, b, 'GhostNet', 'en');
		expect(standIns).toHaveLength(4);
		expect(standIns[0]).toMatch(/^Choose GhostNet above/);
		const said = compareModels(
			{ ...a, profile: profile(10, [9, 11]) },
			{ ...b, profile: profile(5, [4, 6]) },
			'en'
		);
		const verdictOf = (text: string) => text.replace(/[\d.]+/g, '#');
		expect(standIns.slice(1).map(verdictOf)).toContain(verdictOf(said!.text));
	});
});
