import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { Plugin } from 'vite';
import { validateContent, type ArticleSource } from './validate';

/** Reads `content/` from disk: every Markdown file with its parsed frontmatter (or null). */
export function readContentTree(root: string): ArticleSource[] {
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
		return { path, frontmatter };
	});
}

/** Fails the build (and the dev server start) with a message naming each broken article file. */
export function validateContentPlugin(root = process.cwd()): Plugin {
	return {
		name: 'validate-content',
		buildStart() {
			const problems = validateContent(readContentTree(root));
			if (problems.length) throw new Error(`Invalid content:\n  ${problems.join('\n  ')}`);
		}
	};
}
