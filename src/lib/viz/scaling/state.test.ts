import { describe, expect, it } from 'vitest';
import {
	DEFAULT_STATE,
	limitPhi,
	parseNumber,
	parseQuery,
	RANGES,
	setParam,
	snapToStep,
	stateQuery,
	variantState,
	withStateQuery
} from './state';

const query = (text: string) => new URLSearchParams(text);

describe('presets', () => {
	it('Bn is φ = n with the paper coefficients α 1.2, β 1.1, γ 1.15 (facts.md A.2)', () => {
		expect(variantState('b0')).toEqual({ phi: 0, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: 'b0' });
		expect(variantState('b7')).toEqual({ phi: 7, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: 'b7' });
	});

	it('moving a slider leaves the preset for the compound form', () => {
		const { state, notes } = setParam(variantState('b3'), 'phi', 3.4);
		expect(state).toEqual({ phi: 3.4, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null });
		expect(notes).toEqual([]);
	});
});

describe('parseNumber', () => {
	it.each(['', ' ', 'abc', '3px', 'NaN', 'Infinity', '1,5', '--1'])('%j is not a number', (text) => {
		expect(parseNumber(text)).toBeNull();
	});
	it.each([
		['3', 3],
		['-2.5', -2.5],
		['.5', 0.5],
		['1e0', 1],
		[' 1.15 ', 1.15]
	])('%j is %d', (text, value) => {
		expect(parseNumber(text)).toBe(value);
	});
});

describe('URL query', () => {
	it('an empty query is the default state (B0) with no notes', () => {
		expect(parseQuery(query(''))).toEqual({ state: DEFAULT_STATE, notes: [] });
	});

	it('restores a compound state exactly', () => {
		const { state, notes } = parseQuery(query('phi=3.7&alpha=1.25&beta=1.08&gamma=1.2'));
		expect(state).toEqual({ phi: 3.7, alpha: 1.25, beta: 1.08, gamma: 1.2, variant: null });
		expect(notes).toEqual([]);
	});

	it('restores a preset, case-insensitively', () => {
		expect(parseQuery(query('variant=B5')).state).toEqual(variantState('b5'));
	});

	it('round-trips every state it writes', () => {
		for (const state of [
			variantState('b6'),
			{ phi: -2.3, alpha: 1.99, beta: 1, gamma: 1.37, variant: null }
		]) {
			expect(parseQuery(query(withStateQuery('', state))).state).toEqual(state);
		}
	});

	it('clamps out-of-range values with a note, never NaN', () => {
		const { state, notes } = parseQuery(query('phi=50&alpha=0.3&beta=1.1&gamma=1.15'));
		expect(state.alpha).toBe(RANGES.alpha.min);
		expect(state.phi).toBeLessThanOrEqual(RANGES.phi.max);
		expect(Object.values(state).every((v) => v === null || Number.isFinite(v))).toBe(true);
		expect(notes).toContainEqual({ kind: 'out-of-range', param: 'alpha', given: '0.3', used: '1.00' });
		expect(notes).toContainEqual({ kind: 'out-of-range', param: 'phi', given: '50', used: '9.0' });
	});

	it('falls back to the default of a non-numeric value, with a note', () => {
		const { state, notes } = parseQuery(query('phi=abc&beta=&gamma=1.15'));
		expect(state).toEqual({ phi: 0, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null });
		expect(notes).toEqual([
			{ kind: 'not-a-number', param: 'phi', given: 'abc', used: '0.0' },
			{ kind: 'not-a-number', param: 'beta', given: '', used: '1.10' }
		]);
	});

	it('rounds values between steps, with a note', () => {
		const { state, notes } = parseQuery(query('phi=2.26&alpha=1.234'));
		expect(state.phi).toBe(2.3);
		expect(state.alpha).toBe(1.23);
		expect(notes.map((n) => [n.kind, n.param, n.used])).toEqual([
			['rounded', 'phi', '2.3'],
			['rounded', 'alpha', '1.23']
		]);
	});

	it('an unknown variant falls back to B0 with a note', () => {
		const { state, notes } = parseQuery(query('variant=b9'));
		expect(state).toEqual(DEFAULT_STATE);
		expect(notes).toEqual([{ kind: 'unknown-variant', param: 'variant', given: 'b9', used: 'B0' }]);
	});

	it('a valid variant wins over sliders given with it, and says so', () => {
		const { state, notes } = parseQuery(query('variant=b2&phi=5'));
		expect(state).toEqual(variantState('b2'));
		expect(notes).toEqual([{ kind: 'ignored', param: 'phi', given: '5', used: 'B2' }]);
	});

	it('writes only its own parameters and keeps the others', () => {
		expect(withStateQuery('?lang=x&phi=1', variantState('b1'))).toBe('?lang=x&variant=b1');
		expect(stateQuery({ phi: 1, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null })).toEqual({
			phi: '1.0',
			alpha: '1.20',
			beta: '1.10',
			gamma: '1.15'
		});
	});
});

describe('φ limited by the spec', () => {
	it('keeps φ when the network fits', () => {
		expect(limitPhi({ phi: 9, alpha: 1.2, beta: 1.1, gamma: 1.15 })).toEqual({ phi: 9, limitedBy: null });
	});

	it('lowers φ to the largest step whose resolution round(224·γ^φ) fits the spec', () => {
		// γ = 2: 224·2^φ ≤ 1200 ⇔ φ ≤ log2(1200/224) = 2.42…, so 2.4 on the 0.1 grid.
		const { phi, limitedBy } = limitPhi({ phi: 8, alpha: 1, beta: 1, gamma: 2 });
		expect(phi).toBe(2.4);
		expect(limitedBy).toMatch(/resolution/);
	});

	it('a slider that pushes the network past the limit lowers φ and says so', () => {
		const { state, notes } = setParam({ ...DEFAULT_STATE, phi: 6 }, 'alpha', 2);
		// α = 2: 2^φ ≤ 10 (depth limit) ⇔ φ ≤ 3.32…
		expect(state.phi).toBe(3.3);
		expect(notes).toEqual([
			{ kind: 'phi-limited', param: 'phi', given: '6.0', used: '3.3', limit: expect.stringMatching(/depth/) }
		]);
	});
});

describe('snapToStep', () => {
	it('has no binary noise', () => {
		expect(snapToStep('phi', 0.1 + 0.2)).toBe(0.3);
		expect(snapToStep('gamma', 1.1500000001)).toBe(1.15);
	});
});
