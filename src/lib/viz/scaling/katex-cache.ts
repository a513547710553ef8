/**
 * KaTeX, loaded on demand and rendered with a small cache. The equations first show as plain text
 * (also their accessible names; that is what the prerendered page holds), and KaTeX (≈ 75 KB gzip) is
 * fetched only when the lab comes into view, so the article does not pay for it up front.
 * A drag changes φ only, so the constraint and the released network's line repeat: hence the cache.
 * HTML output only (half the DOM of HTML + MathML, replaced on every input event).
 */
type Katex = (typeof import('katex'))['default'];

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const rendered = new Map<string, string>();
const LIMIT = 200;

export function loadKatex(): Promise<Katex> {
	loading ??= import('katex').then((module) => (katex = module.default));
	return loading;
}

/** KaTeX HTML of `tex`, or null while KaTeX is not loaded. */
export function renderTex(tex: string): string | null {
	if (!katex) return null;
	let html = rendered.get(tex);
	if (html === undefined) {
		if (rendered.size >= LIMIT) rendered.clear();
		html = katex.renderToString(tex, { throwOnError: false, output: 'html' });
		rendered.set(tex, html);
	}
	return html;
}
