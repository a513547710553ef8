import type { Handle } from '@sveltejs/kit';
import { htmlLang, languageOfPath } from '$lib/content/languages';

/** Sets `<html lang>` from the first path segment, so prerendered pages carry the right language. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = languageOfPath(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(lang))
	});
};
