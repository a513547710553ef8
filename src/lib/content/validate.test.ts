import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from './validate';
import { contentPlugin, readContentTree } from './content-plugin';

const fm = { title: 'T', description: 'D' };

describe('validateContent', () => {
	it('accepts a slug present in every language with title and description', () => {
		expect(
			validateContent([
				{ path: 'content/zh/ghostnet.md', frontmatter: fm },
				{ path: 'content/en/ghostnet.md', frontmatter: fm }
			])
		).toEqual([]);
	});

	it('names the file whose translation is missing', () => {
		const problems = validateContent([{ path: 'content/zh/ghostnet.md', frontmatter: fm }]);
		expect(problems).toEqual(['content/zh/ghostnet.md: has no en version (expected content/en/ghostnet.md)']);
	});

	it('names the file and field of missing or empty frontmatter', () => {
		const problems = validateContent([
			{ path: 'content/zh/a.md', frontmatter: { title: 'T' } },
			{ path: 'content/en/a.md', frontmatter: { title: ' ', description: 'D' } }
		]);
		expect(problems).toEqual([
			'content/zh/a.md: frontmatter field "description" is missing or empty',
			'content/en/a.md: frontmatter field "title" is missing or empty'
		]);
		expect(validateContent([{ path: 'content/en/b.md', frontmatter: null }])[0]).toMatch(
			/^content\/en\/b\.md: missing frontmatter/
		);
	});

	it('rejects unknown languages, bad slugs and misplaced files', () => {
		const problems = validateContent([
			{ path: 'content/fr/a.md', frontmatter: fm },
			{ path: 'content/en/Bad_Slug.md', frontmatter: fm },
			{ path: 'content/a.md', frontmatter: fm }
		]);
		expect(problems).toContain('content/fr/a.md: unknown language "fr" (expected one of zh, en)');
		expect(problems.some((p) => p.startsWith('content/en/Bad_Slug.md: slug'))).toBe(true);
		expect(problems).toContain('content/a.md: articles must be at content/<lang>/<slug>.md');
	});
});

describe('the content tree', () => {
	it('of this project is valid', () => {
		expect(validateContent(readContentTree(process.cwd()))).toEqual([]);
	});

	it('fails the build with a message naming the file', () => {
		const root = mkdtempSync(join(tmpdir(), 'content-'));
		mkdirSync(join(root, 'content', 'zh'), { recursive: true });
		mkdirSync(join(root, 'content', 'en'), { recursive: true });
		writeFileSync(join(root, 'content', 'zh', 'x.md'), '---\ntitle: X\n---\ntext\n');
		writeFileSync(join(root, 'content', 'en', 'x.md'), '---\ntitle: X\ndescription: D\n---\n');
		const plugin = contentPlugin(root);
		const buildStart = plugin.buildStart as () => void;
		expect(() => buildStart()).toThrow('content/zh/x.md: frontmatter field "description" is missing or empty');
	});
});

describe('virtual:article-meta', () => {
	it('serves frontmatter and heading ids without the article bodies', async () => {
		const plugin = contentPlugin(process.cwd());
		const resolveId = plugin.resolveId as (id: string) => string | undefined;
		const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string>;
		const id = resolveId('virtual:article-meta')!;
		const code = await load.call({ addWatchFile: () => {} }, id);
		const meta = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
		const ghost = meta['/content/en/ghostnet.md'];
		expect(ghost.title).toMatch(/GhostNet/);
		expect(ghost.headings.map((h: { id: string }) => h.id)).toContain('references');
		expect(code).not.toContain('<script');
	});
});
