import { describe, expect, it } from 'vitest';
import { loadKatex, renderTex } from './katex-cache';

describe('renderTex', () => {
	it('is null until KaTeX is loaded, then renders HTML without MathML, cached', async () => {
		expect(renderTex('d = \\alpha^{\\phi}')).toBeNull();
		await loadKatex();
		const html = renderTex('d = \\alpha^{\\phi}');
		expect(html).toContain('class="katex"');
		expect(html).not.toContain('<math');
		expect(renderTex('d = \\alpha^{\\phi}')).toBe(html);
	});
});
