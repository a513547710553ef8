/**
 * The site's public origin, for the URLs that must be absolute: canonical and hreflang links, Open Graph
 * and Twitter card tags. Set SITE_ORIGIN when building for a real host (`SITE_ORIGIN=https://example.org
 * npm run build`); without it the build uses the origin of `npm run preview`.
 */
export const DEFAULT_SITE_ORIGIN = 'http://localhost:4173';

/** The origin of `raw` (scheme, host, port; no path or trailing slash), or the default when unset. */
export function siteOrigin(raw: string | undefined): string {
	if (!raw) return DEFAULT_SITE_ORIGIN;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`SITE_ORIGIN must be an absolute http(s) URL, got "${raw}"`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`SITE_ORIGIN must be an http(s) URL, got "${raw}"`);
	if (url.pathname !== '/' || url.search || url.hash)
		throw new Error(`SITE_ORIGIN must be an origin without a path, got "${raw}" (the site is served from /)`);
	return url.origin;
}

/** `path` (starting with '/') on the configured origin. */
export function absoluteUrl(path: string, origin: string = __SITE_ORIGIN__): string {
	return new URL(path, origin + '/').href;
}
