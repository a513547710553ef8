// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markScrollRegion, overflowsX } from './scroll-region';

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
});
