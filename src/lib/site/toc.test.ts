import { describe, expect, it } from 'vitest';
import { tocTree } from './toc';

const h = (depth: number, id: string) => ({ depth, id, text: id });

describe('tocTree', () => {
	it('puts sub-sections under their section, so only sections are numbered', () => {
		const tree = tocTree([h(2, 'a'), h(2, 'b'), h(2, 'c'), h(3, 'c1'), h(2, 'd')]);
		expect(tree.map((e) => e.heading.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(tree[2].children.map((c) => c.id)).toEqual(['c1']);
		expect(tree[3].children).toEqual([]);
	});
	it('keeps a sub-section that comes before any section as an entry of its own', () => {
		expect(tocTree([h(3, 'x'), h(2, 'a')]).map((e) => e.heading.id)).toEqual(['x', 'a']);
		expect(tocTree([])).toEqual([]);
	});
});
