// Page weight of the production site: the JavaScript and CSS each prerendered page loads before any
// network is needed, gzip-compressed file by file (what a static host with gzip sends).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every .html file under `dir`, as paths relative to it. @param {string} dir */
export function htmlPages(dir) {
	/** @type {string[]} */
	const out = [];
	const walk = (/** @type {string} */ sub) => {
		for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
			const path = join(sub, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) out.push(path);
		}
	};
	walk('');
	return out.sort();
}

/**
 * The scripts and stylesheets an HTML page asks for up front: modulepreload links, stylesheet links,
 * `<script src>` and the `import("…")` calls of inline scripts (SvelteKit's start script).
 * Returned as hrefs exactly as written.
 * @param {string} html
 */
export function pageAssets(html) {
	const scripts = new Set();
	const styles = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
		if (!href) continue;
		if (rel.split(/\s+/).includes('modulepreload')) scripts.add(href);
		if (rel.split(/\s+/).includes('stylesheet')) styles.add(href);
	}
	for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) scripts.add(src);
		for (const [, spec] of body.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) scripts.add(spec);
	}
	return { scripts: [...scripts], styles: [...styles] };
}

/**
 * Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`);
 * dynamic `import()` is left out: it loads only when the code asks for it.
 * @param {string} code
 */
export function staticImports(code) {
	const out = new Set();
	for (const [, spec] of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\bfrom\s*)?["']([^"']+)["']/g))
		out.add(spec);
	return [...out];
}

/** gzip size of a file's bytes (level 9, as a static host would precompress). */
export function gzipBytes(/** @type {Buffer} */ bytes) {
	return gzipSync(bytes, { level: 9 }).length;
}

/**
 * Files (absolute paths) that a page loads before any network is used: its up-front assets plus the
 * static-import closure of its scripts.
 * @param {string} root the build directory
 * @param {string} page an .html path relative to root
 */
export function pageFiles(root, page) {
	const htmlPath = join(root, page);
	const { scripts, styles } = pageAssets(readFileSync(htmlPath, 'utf8'));
	const local = (/** @type {string} */ href, /** @type {string} */ from) =>
		href.startsWith('/') ? join(root, href) : resolve(dirname(from), href);
	const js = new Set();
	const queue = scripts.filter((s) => !/^[a-z]+:/i.test(s)).map((s) => local(s, htmlPath));
	while (queue.length) {
		const file = /** @type {string} */ (queue.pop());
		if (js.has(file)) continue;
		js.add(file);
		for (const spec of staticImports(readFileSync(file, 'utf8')))
			if (spec.startsWith('.') || spec.startsWith('/')) queue.push(local(spec, file));
	}
	const css = styles.filter((s) => !/^[a-z]+:/i.test(s)).map((s) => local(s, htmlPath));
	return { js: [...js].sort(), css: [...new Set(css)].sort() };
}

/** The URL path of a prerendered file: index.html → /, en.html → /en, en/ghostnet.html → /en/ghostnet. */
export function pageUrl(/** @type {string} */ file) {
	const path = file.replace(/\\/g, '/').replace(/\.html$/, '').replace(/(^|\/)index$/, '');
	return '/' + path.replace(/\/$/, '');
}

/**
 * gzip bytes of JS and CSS per page, from the built HTML alone.
 * @param {string} root
 */
export function staticPageWeights(root) {
	return htmlPages(root).map((page) => {
		const { js, css } = pageFiles(root, page);
		const size = (/** @type {string[]} */ files) =>
			files.reduce((n, f) => n + gzipBytes(readFileSync(f)), 0);
		return {
			page: pageUrl(page),
			jsGzip: size(js),
			cssGzip: size(css),
			jsFiles: js.map((f) => relative(root, f)),
			cssFiles: css.map((f) => relative(root, f))
		};
	});
}
