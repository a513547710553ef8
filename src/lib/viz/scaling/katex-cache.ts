/**
 * KaTeX rendering with a small cache: a drag changes φ only, so the constraint and the released
 * network's line repeat from event to event. HTML output only (half the DOM of HTML + MathML, and it is
 * replaced on every input event); callers give each equation a plain-text accessible name instead.
 */
import katex from 'katex';

const rendered = new Map<string, string>();
const LIMIT = 200;

export function renderTex(tex: string): string {
	let html = rendered.get(tex);
	if (html === undefined) {
		if (rendered.size >= LIMIT) rendered.clear();
		html = katex.renderToString(tex, { throwOnError: false, output: 'html' });
		rendered.set(tex, html);
	}
	return html;
}
