import GithubSlugger from 'github-slugger';
import visit from 'unist-util-visit';

const textOf = (node) =>
	node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath'
		? node.value
		: (node.children ?? []).map(textOf).join('');

/**
 * Gives every `##`/`###` heading a stable id and lists them in the article's metadata as `headings`,
 * so the table of contents is part of the prerendered HTML (it works with JavaScript off).
 */
export default function remarkHeadings() {
	return (tree, file) => {
		const slugger = new GithubSlugger();
		const headings = [];
		visit(tree, 'heading', (node) => {
			if (node.depth < 2 || node.depth > 3) return;
			const text = textOf(node).trim();
			const id = slugger.slug(text);
			node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
			headings.push({ depth: node.depth, text, id });
		});
		file.data.fm = { ...file.data.fm, headings };
	};
}
