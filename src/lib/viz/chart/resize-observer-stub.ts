/** jsdom has no ResizeObserver (Svelte's bind:clientWidth needs one); charts then draw at fallbackWidth. */
export function stubResizeObserver(): void {
	globalThis.ResizeObserver ??= class {
		observe() {}
		unobserve() {}
		disconnect() {}
	};
}
