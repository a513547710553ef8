import { languages, type Language } from './languages';

/** An article file as found on disk, before it is compiled. */
export interface ArticleSource {
	/** Path relative to the project root, e.g. `content/zh/efficientnet.md`; used in error messages. */
	path: string;
	frontmatter: unknown;
}

export interface ArticleEntry {
	lang: Language;
	slug: string;
	path: string;
}

const REQUIRED_FIELDS = ['title', 'description'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the content tree: files live at `content/<lang>/<slug>.md`, every slug exists in every language,
 * and every file has a non-empty `title` and `description`. Returns one message per problem, each naming
 * the file, so a failing build says exactly what to fix.
 */
export function validateContent(sources: ArticleSource[]): string[] {
	const problems: string[] = [];
	const entries: ArticleEntry[] = [];
	for (const source of sources) {
		const match = /^content\/([^/]+)\/([^/]+)\.md$/.exec(source.path);
		if (!match) {
			problems.push(`${source.path}: articles must be at content/<lang>/<slug>.md`);
			continue;
		}
		const [, lang, slug] = match;
		if (!(languages as readonly string[]).includes(lang)) {
			problems.push(`${source.path}: unknown language "${lang}" (expected one of ${languages.join(', ')})`);
			continue;
		}
		if (!SLUG.test(slug)) problems.push(`${source.path}: slug "${slug}" must be lowercase words joined by -`);
		problems.push(...frontmatterProblems(source));
		entries.push({ lang: lang as Language, slug, path: source.path });
	}
	const slugs = new Set(entries.map((e) => e.slug));
	for (const slug of slugs) {
		for (const lang of languages) {
			if (!entries.some((e) => e.slug === slug && e.lang === lang)) {
				const other = entries.find((e) => e.slug === slug)!;
				problems.push(`${other.path}: has no ${lang} version (expected content/${lang}/${slug}.md)`);
			}
		}
	}
	return problems;
}

function frontmatterProblems({ path, frontmatter }: ArticleSource): string[] {
	if (typeof frontmatter !== 'object' || frontmatter === null) {
		return [`${path}: missing frontmatter (needs ${REQUIRED_FIELDS.join(', ')})`];
	}
	const fields = frontmatter as Record<string, unknown>;
	return REQUIRED_FIELDS.filter((field) => typeof fields[field] !== 'string' || !fields[field].trim()).map(
		(field) => `${path}: frontmatter field "${field}" is missing or empty`
	);
}
