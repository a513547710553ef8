import { describe, expect, it } from 'vitest';
import { forPointer, pointer } from './pointer.svelte';

const hint = { fine: 'Point at a dot.', coarse: 'Tap a dot.' };

describe('forPointer', () => {
	it('says "point at" for a mouse and "tap" for a finger', () => {
		expect(forPointer(hint, false)).toBe('Point at a dot.');
		expect(forPointer(hint, true)).toBe('Tap a dot.');
	});
	it('defaults to the page pointer, fine where there is no matchMedia (Node, the prerender)', () => {
		expect(pointer.coarse).toBe(false);
		expect(forPointer(hint)).toBe('Point at a dot.');
	});
});
