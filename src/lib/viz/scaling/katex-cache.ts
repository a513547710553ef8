/**
 * KaTeX for the formulas that change with the reader's input (the Scaling lab's equations, the Ghost
 * calculator's), rendered with a small cache. KaTeX is ≈ 75 KB gzip, so the browser does not load it
 * at startup: prerendering renders the formulas into the page (with `data-tex` keys), the browser reuses
 * that markup for the same formulas, and KaTeX is fetched only when a formula is needed that the page
 * does not hold yet (the reader changed a value) or when the reader starts to use the component.
 * A drag changes one number only, so most formulas repeat: hence the cache.
 */
type Katex = (typeof import('katex'))['default'];

export interface TexOptions {
	/** Display mode (a centred block), else inline. */
	display?: boolean;
	/** Also MathML for screen readers (twice the DOM), else HTML only. */
	mathml?: boolean;
}

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const rendered = new Map<string, string>();
let seeded = false;
const LIMIT = 200;

// Prerendering (and Node tests) render synchronously; in the browser this branch is compiled away.
if (import.meta.env.SSR) katex = (await import('katex')).default;

export function loadKatex(): Promise<Katex> {
	loading ??= import('katex').then((module) => (katex = module.default));
	return loading;
}

export function katexLoaded(): boolean {
	return katex !== null;
}

/** The cache key of a formula, also written on its element as `data-tex` for the browser to reuse. */
export function texKey(tex: string, options: TexOptions = {}): string {
	return `${options.display ? 'D' : 'I'}${options.mathml ? 'M' : 'H'}:${tex}`;
}

/** Caches the KaTeX markup the prerendered page holds, keyed by its elements' `data-tex`. */
function seedFromDocument() {
	if (seeded || typeof document === 'undefined') return;
	seeded = true;
	for (const element of document.querySelectorAll<HTMLElement>('[data-tex]')) {
		if (!element.querySelector('.katex')) continue;
		// Svelte's hydration markers are comments; KaTeX writes none.
		rendered.set(element.dataset.tex!, element.innerHTML.replace(/<!--[\s\S]*?-->/g, ''));
	}
}

/** KaTeX markup of `tex`: from the cache or the prerendered page, rendered once KaTeX is loaded, else null. */
export function renderTex(tex: string, options: TexOptions = {}): string | null {
	seedFromDocument();
	const key = texKey(tex, options);
	let html = rendered.get(key);
	if (html === undefined && katex) {
		if (rendered.size >= LIMIT) rendered.clear();
		const output = options.mathml ? 'htmlAndMathml' : 'html';
		html = katex.renderToString(tex, { displayMode: options.display ?? false, throwOnError: false, output });
		rendered.set(key, html);
	}
	return html ?? null;
}

const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focusin'] as const;

/**
 * Attachment for a component whose formulas follow the reader's input: loads KaTeX when the reader
 * starts to use it (pointer over it, a tap, keyboard focus), so it is there before a value changes.
 */
export function loadKatexOnIntent(element: HTMLElement): () => void {
	const load = () => {
		stop();
		void loadKatex();
	};
	const stop = () => INTENT_EVENTS.forEach((type) => element.removeEventListener(type, load));
	INTENT_EVENTS.forEach((type) => element.addEventListener(type, load));
	return stop;
}
