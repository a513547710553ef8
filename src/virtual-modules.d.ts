// Ambient (no top-level import/export), so TypeScript accepts it as the declaration of a new module.
declare module 'virtual:article-meta' {
	/** Frontmatter and headings of every article, keyed by `/content/<lang>/<slug>.md`. */
	const metadata: Record<string, import('$lib/content/articles').ArticleMeta>;
	export default metadata;
}
