// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick, type ComponentProps } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Deferred from './Deferred.svelte';
import { FakeIntersectionObserver } from './fake-intersection-observer';
import { DEFERRED_MARGIN } from './reader-arrival';

beforeEach(() => {
	FakeIntersectionObserver.all = [];
	vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => vi.unstubAllGlobals());

const figureModule = () => import('./DeferredTestFigure.svelte');
/** render() does not infer Deferred's generic: the test figure's loader, typed as the default one. */
const loader = (load: () => Promise<unknown>) => load as ComponentProps<typeof Deferred>['load'];
const reserve = { narrow: '120rem', wide: '90rem' };
const box = () => document.querySelector('.deferred') as HTMLElement;

describe('Deferred', () => {
	it('holds the reserved height and loads nothing until the reader comes within a screen and a half', async () => {
		let arrive = () => {};
		const load = vi.fn(
			() =>
				new Promise<Awaited<ReturnType<typeof figureModule>>>(
					(resolve) => (arrive = () => figureModule().then(resolve))
				)
		);
		render(Deferred, {
			props: { lang: 'en', load: loader(load), props: { lang: 'en', label: 'hello' }, reserve }
		});
		expect(load).not.toHaveBeenCalled();
		expect(box().dataset.deferred).toBe('waiting');
		expect(box().classList.contains('held')).toBe(true);
		expect(box().style.getPropertyValue('--reserve-wide')).toBe('90rem');
		expect(box().style.getPropertyValue('--reserve-narrow')).toBe('120rem');
		expect(screen.getByRole('status')).toHaveTextContent('');
		const [observer] = FakeIntersectionObserver.all;
		expect(observer.options.rootMargin).toBe(DEFERRED_MARGIN);

		observer.deliver(false);
		expect(load).not.toHaveBeenCalled();
		observer.deliver(true);
		expect(load).toHaveBeenCalledTimes(1);
		await tick();
		expect(screen.getByRole('status')).toHaveTextContent('Loading this figure’s code…');
		expect(box().dataset.deferred).toBe('loading');
		arrive();
		expect(await screen.findByTestId('test-figure')).toHaveTextContent('en: hello');
		expect(box().dataset.deferred).toBe('ready');
		expect(box().classList.contains('held')).toBe(false);
		expect(screen.queryByRole('status')).toBeNull();
	});

	it('loads at once when the reader uses the box before it is seen (keyboard focus)', async () => {
		const load = vi.fn(figureModule);
		render(Deferred, {
			props: { lang: 'en', load: loader(load), props: { lang: 'en', label: 'focus' }, reserve }
		});
		await fireEvent.focusIn(box());
		expect(load).toHaveBeenCalledTimes(1);
		expect(await screen.findByTestId('test-figure')).toHaveTextContent('en: focus');
	});

	it('says when the code did not load, in the reader’s language, and tries again on request', async () => {
		const load = vi
			.fn<() => ReturnType<typeof figureModule>>()
			.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
			.mockImplementation(figureModule);
		render(Deferred, {
			props: { lang: 'zh', load: loader(load), props: { lang: 'zh', label: '你好' }, reserve }
		});
		FakeIntersectionObserver.all[0].deliver(true);
		await vi.waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent('这张图的代码没有加载成功，可能是网络断开了。')
		);
		expect(box().dataset.deferred).toBe('failed');
		expect(box().classList.contains('held')).toBe(true);
		await fireEvent.click(screen.getByRole('button', { name: '重试' }));
		expect(await screen.findByTestId('test-figure')).toHaveTextContent('zh: 你好');
		expect(load).toHaveBeenCalledTimes(2);
	});
});
