import type { Component } from 'svelte';
import metadata from 'virtual:article-meta';
import { languages, type Language } from './languages';

export interface Heading {
	depth: number;
	text: string;
	id: string;
}

/** An article's frontmatter, plus the headings the remark plugin collects for the table of contents. */
export interface ArticleMeta {
	title: string;
	description: string;
	summary?: string;
	order?: number;
	headings: Heading[];
}

export interface Article extends ArticleMeta {
	lang: Language;
	slug: string;
}

// Metadata comes from the content plugin (no article bodies); each body loads with its own page.
const bodies = import.meta.glob<Component>('/content/*/*.md', { import: 'default' });

const pathOf = (lang: Language, slug: string) => `/content/${lang}/${slug}.md`;

export const articles: Article[] = Object.entries(metadata)
	.map(([path, meta]) => {
		const [, lang, slug] = /^\/content\/([^/]+)\/([^/]+)\.md$/.exec(path)!;
		return { ...meta, headings: meta.headings ?? [], lang: lang as Language, slug };
	})
	// Slugs are ASCII: a plain comparison. (localeCompare's first call starts ICU's collator, 13–50 ms
	// in the task that hydrates every page on this 2-core machine.)
	.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

export function articlesIn(lang: Language): Article[] {
	return articles.filter((a) => a.lang === lang);
}

export function findArticle(lang: Language, slug: string): Article | undefined {
	return articles.find((a) => a.lang === lang && a.slug === slug);
}

export function loadArticleBody(lang: Language, slug: string): Promise<Component> {
	return bodies[pathOf(lang, slug)]();
}

/** Previous and next article in reading order, within one language. */
export function neighbours(lang: Language, slug: string): { previous?: Article; next?: Article } {
	const list = articlesIn(lang);
	const index = list.findIndex((a) => a.slug === slug);
	return { previous: list[index - 1], next: index >= 0 ? list[index + 1] : undefined };
}

/** Every (lang, slug) pair, for prerendering. */
export function articleEntries(): { lang: Language; slug: string }[] {
	return languages.flatMap((lang) => articlesIn(lang).map(({ slug }) => ({ lang, slug })));
}
