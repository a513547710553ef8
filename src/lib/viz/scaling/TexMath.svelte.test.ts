// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/svelte';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { katexLoaded, texKey } from './katex-cache';
import TexMath from './TexMath.svelte';

// What prerendering writes for a formula: its KaTeX markup inside an element keyed by data-tex.
const PRERENDERED = 'd = 1.2^{1}';
const prerendered = document.createElement('span');
prerendered.dataset.tex = texKey(PRERENDERED);
prerendered.innerHTML = `<!--x1-->${katex.renderToString(PRERENDERED, { output: 'html' })}<!---->`;
document.body.append(prerendered);

describe('TexMath in the browser', () => {
	it('shows the formulas the page already holds without loading KaTeX', async () => {
		const { container } = render(TexMath, { tex: PRERENDERED, label: 'd = 1.2' });
		expect(container.querySelector('.katex')).not.toBeNull();
		expect(container.querySelector('[data-tex]')!.innerHTML.replace(/<!--[\s\S]*?-->/g, '')).toBe(
			katex.renderToString(PRERENDERED, { output: 'html' })
		);
		await new Promise((r) => setTimeout(r, 50));
		expect(katexLoaded()).toBe(false);
	});

	it('shows the plain text of a changed formula while KaTeX loads, then KaTeX', async () => {
		const { container, getByText } = render(TexMath, { tex: 'd = 1.2^{2}', label: 'd = 1.44' });
		expect(getByText('d = 1.44')).toBeInTheDocument();
		expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
		await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
		expect(katexLoaded()).toBe(true);
		expect(container.textContent).not.toContain('d = 1.44');
		expect(container.querySelector('[aria-busy="true"]')).toBeNull();
	});
});

describe('loadKatexOnIntent', () => {
	it.each(['pointerenter', 'pointerdown', 'focusin'])('loads KaTeX on %s, not before', async (type) => {
		vi.resetModules();
		const fresh = await import('./katex-cache');
		const element = document.createElement('section');
		fresh.loadKatexOnIntent(element);
		await new Promise((r) => setTimeout(r, 20));
		expect(fresh.katexLoaded()).toBe(false);
		element.dispatchEvent(new Event(type));
		await waitFor(() => expect(fresh.katexLoaded()).toBe(true));
	});
});
