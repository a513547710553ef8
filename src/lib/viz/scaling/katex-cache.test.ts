import { describe, expect, it } from 'vitest';
import { katexLoaded, renderTex, texKey } from './katex-cache';

// Node = prerendering: KaTeX is there synchronously, so the page is built with the formulas rendered.
describe('renderTex when prerendering', () => {
	it('renders at once, HTML only unless MathML is asked for, cached', () => {
		expect(katexLoaded()).toBe(true);
		const html = renderTex('d = \\alpha^{\\phi}');
		expect(html).toContain('class="katex"');
		expect(html).not.toContain('<math');
		expect(renderTex('d = \\alpha^{\\phi}')).toBe(html);
		const accessible = renderTex('d = \\alpha^{\\phi}', { mathml: true, display: true });
		expect(accessible).toContain('<math');
		expect(accessible).toContain('katex-display');
	});

	it('keys formulas by their options and source', () => {
		expect(texKey('x')).toBe('IH:x');
		expect(texKey('x', { display: true, mathml: true })).toBe('DM:x');
		expect(texKey('x', { display: true })).not.toBe(texKey('x'));
	});
});
