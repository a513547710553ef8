import type { Handle } from '@sveltejs/kit';
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
			html.replace('%lang%', htmlLang(lang)).replace('%egn.languageFont%', languageFontScript())
	});
};
