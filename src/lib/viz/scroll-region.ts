/**
 * Regions that scroll sideways on a narrow screen (wide tables, KaTeX displays, the constraint box):
 * while one overflows it is a keyboard stop (tabindex 0, a named group, so arrow keys scroll it and axe's
 * scrollable-region-focusable holds) and shows on which side there is more (the `scroll-hint` shadows in
 * app.css, drawn over the region's own background colour). When it fits again it is left as it was.
 * A group, not a region: an article has dozens of equations of one name, and landmarks must be unique.
 */
import { createAttachmentKey, type Attachment } from 'svelte/attachments';

/** An element scrolls sideways when its content is wider than its box (by more than rounding). */
export function overflowsX(scrollWidth: number, clientWidth: number): boolean {
	return scrollWidth - clientWidth > 1;
}

/** The first opaque background colour at or above `node`, for the shadows' covers. */
function backgroundOf(node: HTMLElement): string {
	for (let el: HTMLElement | null = node; el; el = el.parentElement) {
		const colour = getComputedStyle(el).backgroundColor;
		if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
	}
	return 'var(--bg)';
}

const OWN = 'scrollRegionOwn';

/** Marks `node` as a scrolling region, or unmarks it, from its current size. */
export function markScrollRegion(node: HTMLElement, label: string): void {
	const scrolls = overflowsX(node.scrollWidth, node.clientWidth);
	if (scrolls && !node.classList.contains('scroll-hint')) {
		// The region's own background (a box such as the constraint's), else what shows through it.
		node.style.setProperty('--scroll-bg', backgroundOf(node));
		node.classList.add('scroll-hint');
	} else if (!scrolls) node.classList.remove('scroll-hint');
	if (scrolls) {
		// Markup that is already a stop keeps its own role and name; ours follows `label`.
		if (!node.hasAttribute('tabindex') || node.dataset[OWN] !== undefined) {
			node.dataset[OWN] = '';
			node.tabIndex = 0;
			if (!node.hasAttribute('role')) node.setAttribute('role', 'group');
			if (node.getAttribute('role') === 'group') node.setAttribute('aria-label', label);
		}
	} else if (node.dataset[OWN] !== undefined) {
		delete node.dataset[OWN];
		node.removeAttribute('tabindex');
		if (node.getAttribute('role') === 'group') {
			node.removeAttribute('role');
			node.removeAttribute('aria-label');
		}
	}
}

/** A container of the component's own markup: `<div {@attach scrollRegion(label)}>`. */
export function scrollRegion(label: string): Attachment<HTMLElement> {
	return (node) => {
		const update = () => markScrollRegion(node, label);
		update();
		// Without ResizeObserver (old browsers, jsdom) the region is judged once, as it is first laid out.
		if (typeof ResizeObserver === 'undefined') return;
		const observer = new ResizeObserver(update);
		observer.observe(node);
		if (node.firstElementChild) observer.observe(node.firstElementChild);
		return () => observer.disconnect();
	};
}

/**
 * A container of the component's own markup that may scroll sideways: `<div {...scrollable(label)}>`.
 * The label is also written into the server's HTML, so that a figure which hydrates late
 * (Island.svelte) has its regions marked as the page starts (markServedRegions).
 */
export function scrollable(label: string) {
	return { 'data-scroll-label': label, [createAttachmentKey()]: scrollRegion(label) };
}

/** Marks the regions of server HTML under `root` that no component has taken up yet. */
export function markServedRegions(root: ParentNode): void {
	for (const el of root.querySelectorAll<HTMLElement>('[data-scroll-label]'))
		markScrollRegion(el, el.dataset.scrollLabel!);
}

/**
 * Every element matching `selector` inside the node (KaTeX displays written in an article, and those
 * that live figures render later), each named `label`.
 */
export function scrollRegionsWithin(selector: string, label: string): Attachment<HTMLElement> {
	return (root) => {
		if (typeof ResizeObserver === 'undefined') return;
		const seen = new WeakSet<Element>();
		const resize = new ResizeObserver((entries) => {
			for (const entry of entries) markScrollRegion(entry.target as HTMLElement, label);
		});
		const scan = () => {
			for (const el of root.querySelectorAll<HTMLElement>(selector)) {
				if (seen.has(el)) continue;
				seen.add(el);
				resize.observe(el);
			}
		};
		let queued = 0;
		const mutations = new MutationObserver(() => {
			if (!queued) queued = requestAnimationFrame(() => ((queued = 0), scan()));
		});
		mutations.observe(root, { childList: true, subtree: true });
		scan();
		return () => {
			cancelAnimationFrame(queued);
			mutations.disconnect();
			resize.disconnect();
		};
	};
}
