import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { compile } from 'mdsvex';
import remarkMath from 'remark-math';
import type { Plugin } from 'vite';
import remarkHeadings from './remark-headings.js';
import { validateContent, type ArticleSource } from './validate';

export const ARTICLE_META_MODULE = 'virtual:article-meta';
const RESOLVED_META_MODULE = '\0' + ARTICLE_META_MODULE;

interface ContentFile extends ArticleSource {
	text: string;
}

/** Reads `content/` from disk: every Markdown file with its text and parsed frontmatter (or null). */
export function readContentTree(root: string): ContentFile[] {
	const contentDir = join(root, 'content');
	const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
	return files.map((file) => {
		const path = relative(root, join(contentDir, file)).replaceAll('\\', '/');
		const text = readFileSync(join(contentDir, file), 'utf8');
		const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
		let frontmatter: unknown = null;
		if (match) {
			try {
				frontmatter = yaml.load(match[1]);
			} catch (error) {
				throw new Error(`${path}: frontmatter is not valid YAML: ${(error as Error).message}`);
			}
		}
		return { path, text, frontmatter };
	});
}

/**
 * Frontmatter plus headings of every article, keyed by `/content/<lang>/<slug>.md`. The headings come from
 * the same remark plugin that gives the rendered headings their ids, so the table of contents links match.
 */
async function articleMetadata(files: ContentFile[]): Promise<Record<string, unknown>> {
	const entries = await Promise.all(
		files.map(async ({ path, text }) => {
			const compiled = await compile(text, { remarkPlugins: [remarkMath, remarkHeadings] });
			return ['/' + path, (compiled?.data as { fm?: unknown } | undefined)?.fm ?? {}] as const;
		})
	);
	return Object.fromEntries(entries);
}

/**
 * Validates `content/` when the build (or dev server) starts, failing with a message naming each broken
 * file, and serves `virtual:article-meta`: the articles' metadata without their compiled bodies, so a page
 * that lists articles does not load every article and the components they embed.
 */
export function contentPlugin(root = process.cwd()): Plugin {
	return {
		name: 'content',
		buildStart() {
			const problems = validateContent(readContentTree(root));
			if (problems.length) throw new Error(`Invalid content:\n  ${problems.join('\n  ')}`);
		},
		resolveId(id) {
			return id === ARTICLE_META_MODULE ? RESOLVED_META_MODULE : undefined;
		},
		async load(id) {
			if (id !== RESOLVED_META_MODULE) return undefined;
			const files = readContentTree(root);
			for (const file of files) this.addWatchFile(join(root, file.path));
			return `export default ${JSON.stringify(await articleMetadata(files))};`;
		}
	};
}
