import type { Handle, ServerInit } from '@sveltejs/kit';
import { provideIslandRenderer } from '$lib/viz/islands';
import { renderIslandHtml } from './island-renderers';
import { htmlLang, languageOfPath } from '$lib/content/languages';
import { languageFontScript } from '$lib/site/language-face';

/**
 * Sets `<html lang>` from the first path segment, so prerendered pages carry the right language, and
 * puts the language switch's font in the head (src/lib/site/language-face.ts).
 */
export const handle: Handle = ({ event, resolve }) => {
	const lang = languageOfPath(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			withoutRepeatedStyles(
				html.replace('%lang%', htmlLang(lang)).replace('%egn.languageFont%', languageFontScript())
			)
	});
};

/**
 * A component's injected styles appear once: a figure hydrated later (its own render, see
 * $lib/viz/islands.ts) brings those of the components it shares with the rest of the page again.
 */
export function withoutRepeatedStyles(html: string): string {
	const seen = new Set<string>();
	return html.replace(/<style id="(svelte-[\w-]+)">[\s\S]*?<\/style>/g, (style, id: string) =>
		seen.has(id) ? '' : (seen.add(id), style)
	);
}

/** The figures hydrated later are rendered into the pages here (see $lib/viz/islands.ts). */
export const init: ServerInit = () => {
	provideIslandRenderer(renderIslandHtml);
};
