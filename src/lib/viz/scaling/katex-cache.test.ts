import { describe, expect, it } from 'vitest';
import { renderTex } from './katex-cache';

describe('renderTex', () => {
	it('renders KaTeX HTML without MathML and returns the cached string for the same TeX', () => {
		const html = renderTex('d = \\alpha^{\\phi}');
		expect(html).toContain('class="katex"');
		expect(html).not.toContain('<math');
		expect(renderTex('d = \\alpha^{\\phi}')).toBe(html);
	});
});
