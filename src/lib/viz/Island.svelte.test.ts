// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { componentLoaders } from '../../component-loaders';
import { provideLoaders } from './deferred';
import { FakeIntersectionObserver } from './fake-intersection-observer';
import Island from './Island.svelte';
import { DEFERRED_MARGIN } from './reader-arrival';

beforeEach(() => {
	FakeIntersectionObserver.all = [];
	vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => vi.unstubAllGlobals());

const figureModule = () => import('./DeferredTestFigure.svelte');
const island = () => document.querySelector('.island') as HTMLElement;

/** The GhostNet table's island, loading `load` instead of the table. */
function withLoader(load: () => Promise<unknown>) {
	provideLoaders({ ...componentLoaders, ghostNetTable: load as (typeof componentLoaders)['ghostNetTable'] });
}

// In the browser there is no server HTML here (a navigation inside the site): the figure mounts.
describe('Island, without server HTML', () => {
	it('loads nothing until the reader comes within a screen and a half, then mounts the figure with its props', async () => {
		const load = vi.fn(figureModule);
		withLoader(load);
		render(Island, { props: { name: 'ghostNetTable', lang: 'zh' } });
		expect(island().dataset.island).toBe('waiting');
		const [observer] = FakeIntersectionObserver.all;
		expect(observer.options.rootMargin).toBe(DEFERRED_MARGIN);
		observer.deliver(false);
		expect(load).not.toHaveBeenCalled();
		observer.deliver(true);
		expect(load).toHaveBeenCalledTimes(1);
		expect(await screen.findByTestId('test-figure')).toHaveTextContent('zh:');
		expect(island().dataset.island).toBe('ready');
	});

	it('says so when the code does not load (in the page’s language), and the retry mounts it', async () => {
		const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockImplementation(figureModule);
		withLoader(load);
		render(Island, { props: { name: 'ghostNetTable', lang: 'zh' } });
		FakeIntersectionObserver.all[0].deliver(true);
		expect(await screen.findByRole('alert')).toHaveTextContent('这张图的交互代码没有加载成功');
		expect(island().dataset.island).toBe('failed');
		await fireEvent.click(screen.getByRole('button', { name: '重试' }));
		expect(await screen.findByTestId('test-figure')).toBeInTheDocument();
		expect(screen.queryByRole('alert')).toBeNull();
		expect(load).toHaveBeenCalledTimes(2);
	});

	it('unmounts the figure with the page', async () => {
		withLoader(figureModule);
		const { unmount } = render(Island, { props: { name: 'ghostNetTable', lang: 'en' } });
		FakeIntersectionObserver.all[0].deliver(true);
		await screen.findByTestId('test-figure');
		unmount();
		expect(screen.queryByTestId('test-figure')).toBeNull();
	});
});
