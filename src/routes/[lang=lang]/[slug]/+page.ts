import { error } from '@sveltejs/kit';
import { articleEntries, findArticle, loadArticleBody, neighbours } from '$lib/content/articles';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => articleEntries();

export const load: PageLoad = async ({ parent, params }) => {
	const { lang } = await parent();
	const article = findArticle(lang, params.slug);
	if (!article) error(404, 'Not found');
	return { article, body: await loadArticleBody(lang, params.slug), ...neighbours(lang, params.slug) };
};
