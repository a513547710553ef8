/**
 * The page URL as the lab's shareable state. Writes go through SvelteKit's shallow routing
 * (`replaceState`), so the router keeps its own history entry and no navigation happens.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';

export function currentSearch(): string {
	return window.location.search;
}

export function writeSearch(search: string): void {
	const url = new URL(window.location.href);
	url.search = search;
	if (url.href !== window.location.href) replaceState(url, page.state);
}
