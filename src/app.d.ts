/// <reference types="@testing-library/jest-dom/vitest" />

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

declare module 'virtual:article-meta' {
	/** Frontmatter and headings of every article, keyed by `/content/<lang>/<slug>.md`. */
	const metadata: Record<string, import('$lib/content/articles').ArticleMeta>;
	export default metadata;
}

export {};
