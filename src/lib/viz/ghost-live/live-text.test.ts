import { describe, expect, it } from 'vitest';
import { ghostnet } from '$lib/nets/spec/index';
import { ghostModuleChoices } from '$lib/live/compute/ghost-modules';
import {
	backendName,
	commonText,
	finderText,
	formatPercent,
	formatValue,
	legendText,
	mapsText
} from './live-text';

describe('formatValue', () => {
	it('keeps 3 significant digits with a true minus sign', () => {
		expect(formatValue(-0.012345)).toBe('−0.0123');
		expect(formatValue(4.5678)).toBe('4.57');
		expect(formatValue(1234.5)).toBe('1235');
		expect(formatValue(0)).toBe('0');
		expect(formatValue(Number.NaN)).toBe('—');
	});
	it('names backends as readers know them', () => {
		expect(['webgl', 'wasm', 'cpu', 'webgpu'].map(backendName)).toEqual([
			'WebGL',
			'WebAssembly',
			'CPU',
			'webgpu'
		]);
	});
	it('formats shares as percentages', () => {
		expect(formatPercent(0.98765)).toBe('98.8%');
	});
});

describe('texts', () => {
	it('have the same keys in both languages', () => {
		for (const table of [commonText, mapsText, legendText, finderText]) {
			expect(Object.keys(table.zh).sort()).toEqual(Object.keys(table.en).sort());
		}
	});
	it('describe a module with its real channel counts', () => {
		const [first] = ghostModuleChoices(ghostnet({ width: 1 }));
		expect(mapsText.en.moduleOption(first)).toBe(
			'blocks.0.0 · ghost1: 16 → 16 channels, 8 intrinsic + 8 ghost, 112×112'
		);
		expect(mapsText.zh.moduleOption(first)).toContain('8 张内在 + 8 张 ghost');
	});
});
