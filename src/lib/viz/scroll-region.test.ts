// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markScrollRegion, markServedRegions, overflowsX, scrollable } from './scroll-region';

/** jsdom has no layout: give the element the sizes a browser would measure. */
function sized(el: HTMLElement, scrollWidth: number, clientWidth: number) {
	Object.defineProperty(el, 'scrollWidth', { configurable: true, value: scrollWidth });
	Object.defineProperty(el, 'clientWidth', { configurable: true, value: clientWidth });
	return el;
}

describe('scroll regions', () => {
	it('overflows only beyond a pixel of rounding', () => {
		expect(overflowsX(578, 294)).toBe(true);
		expect(overflowsX(295, 294)).toBe(false);
		expect(overflowsX(294, 294)).toBe(false);
	});

	it('makes an overflowing element a named keyboard stop with the scroll hint, and undoes it when it fits', () => {
		const el = sized(document.createElement('div'), 578, 294);
		document.body.append(el);
		markScrollRegion(el, 'Equation');
		expect(el.tabIndex).toBe(0);
		expect(el.getAttribute('role')).toBe('group');
		expect(el.getAttribute('aria-label')).toBe('Equation');
		expect(el.classList.contains('scroll-hint')).toBe(true);
		// A new name (the figure's state changed) replaces ours.
		markScrollRegion(el, 'Equation 2');
		expect(el.getAttribute('aria-label')).toBe('Equation 2');
		sized(el, 294, 294);
		markScrollRegion(el, 'Equation 2');
		expect(el.hasAttribute('tabindex')).toBe(false);
		expect(el.hasAttribute('role')).toBe(false);
		expect(el.hasAttribute('aria-label')).toBe(false);
		expect(el.classList.contains('scroll-hint')).toBe(false);
	});

	it('keeps the role, name and tab stop that the markup already gives', () => {
		const el = sized(document.createElement('div'), 640, 309);
		el.tabIndex = 0;
		el.setAttribute('role', 'img');
		el.setAttribute('aria-label', 'd = 1.2^φ');
		markScrollRegion(el, 'Equation');
		expect(el.getAttribute('role')).toBe('img');
		expect(el.getAttribute('aria-label')).toBe('d = 1.2^φ');
		expect(el.classList.contains('scroll-hint')).toBe(true);
		sized(el, 300, 309);
		markScrollRegion(el, 'Equation');
		expect(el.tabIndex).toBe(0);
		expect(el.getAttribute('role')).toBe('img');
	});

	it('marks the server HTML’s regions by the label they carry (a figure not hydrated yet)', () => {
		const root = document.createElement('div');
		root.innerHTML =
			'<div data-scroll-label="The GhostNet table"><table></table></div>' +
			'<div data-scroll-label="Fits"></div><div class="plain"></div>';
		const [wide, narrow, plain] = [...root.children] as HTMLElement[];
		sized(wide, 900, 360);
		sized(narrow, 300, 360);
		sized(plain, 900, 360);
		markServedRegions(root);
		expect([wide.tabIndex, wide.getAttribute('role'), wide.getAttribute('aria-label')]).toEqual([
			0,
			'group',
			'The GhostNet table'
		]);
		expect(narrow.hasAttribute('tabindex')).toBe(false);
		expect(plain.hasAttribute('tabindex')).toBe(false);
		// The label comes from the same call that attaches the live behaviour.
		expect(scrollable('The GhostNet table')['data-scroll-label']).toBe('The GhostNet table');
	});
});
