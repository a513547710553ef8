import GithubSlugger from 'github-slugger';
import visit from 'unist-util-visit';

/**
 * The few mdast fields this plugin reads (mdsvex's unified 9 ships no usable mdast types).
 * @typedef {{ type: string, value?: string, depth?: number, children?: MdNode[], data?: Record<string, any> }} MdNode
 * @typedef {{ depth: number, text: string, id: string }} Heading
 */

/** @param {MdNode} node @returns {string} */
const textOf = (node) =>
	node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath'
		? (node.value ?? '')
		: (node.children ?? []).map(textOf).join('');

/**
 * Gives every `##`/`###` heading a stable id and lists them in the article's metadata as `headings`,
 * so the table of contents is part of the prerendered HTML (it works with JavaScript off).
 */
export default function remarkHeadings() {
	/** @param {MdNode} tree @param {{ data: Record<string, any> }} file */
	return (tree, file) => {
		const slugger = new GithubSlugger();
		/** @type {Heading[]} */
		const headings = [];
		visit(tree, 'heading', (/** @type {MdNode} */ node) => {
			const depth = node.depth ?? 0;
			if (depth < 2 || depth > 3) return;
			const text = textOf(node).trim();
			const id = slugger.slug(text);
			node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
			headings.push({ depth, text, id });
		});
		file.data.fm = { ...file.data.fm, headings };
	};
}
