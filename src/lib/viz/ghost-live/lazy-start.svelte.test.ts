// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { fakeSession } from '$lib/live/testing';
import LiveFeatureMaps from './LiveFeatureMaps.svelte';
import { commonText } from './live-text';
import RedundancyFinder from './RedundancyFinder.svelte';
import { FakeIntersectionObserver as FakeObserver } from '../fake-intersection-observer';
import { IN_VIEW_MARGIN, NEAR_MARGIN } from '../reader-arrival';
import { installCanvasStub } from './testing';

beforeAll(() => {
	installCanvasStub();
	stubResizeObserver();
});
beforeEach(() => {
	FakeObserver.all = [];
	vi.stubGlobal('IntersectionObserver', FakeObserver);
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => Response.json({ samples: [] }))
	);
});
afterEach(() => vi.unstubAllGlobals());

describe.each([
	{ name: 'RedundancyFinder', component: RedundancyFinder, testid: 'redundancy-finder' },
	{ name: 'LiveFeatureMaps', component: LiveFeatureMaps, testid: 'live-feature-maps' }
])('$name: the runtime is not requested at page load', ({ component, testid }) => {
	function setup(lang: 'en' | 'zh') {
		const { session, requests } = fakeSession();
		const start = vi.spyOn(session, 'start');
		const warm = vi.spyOn(session, 'warm');
		render(component, { lang, session });
		const observers = (margin: string) => FakeObserver.all.filter((o) => o.options.rootMargin === margin);
		return { session, start, warm, requests, observers, part: screen.getByTestId(testid) };
	}

	it.each(['en', 'zh'] as const)(
		'%s: warms the runtime when near, loads weights only in view (and says it waits until then)',
		async (lang) => {
			const { session, start, warm, requests, observers } = setup(lang);
			await Promise.resolve();
			expect(warm).not.toHaveBeenCalled();
			expect(start).not.toHaveBeenCalled();
			expect(session.runtime).toBe('idle');
			expect(screen.getAllByText(commonText[lang].waiting).length).toBeGreaterThan(0);
			observers(NEAR_MARGIN).forEach((o) => o.deliver(true));
			expect(warm).toHaveBeenCalledTimes(1);
			expect(start).not.toHaveBeenCalled();
			await vi.waitFor(() => expect(session.runtime).toBe('ready'));
			expect(requests.filter((r) => r.type === 'load')).toEqual([]);
			// Still waiting for the reader: the part says so, not that the runtime is starting.
			expect(screen.getAllByText(commonText[lang].waiting).length).toBeGreaterThan(0);
			observers(IN_VIEW_MARGIN).forEach((o) => o.deliver(false));
			expect(start).not.toHaveBeenCalled();
			observers(IN_VIEW_MARGIN).forEach((o) => o.deliver(true));
			expect(start).toHaveBeenCalledTimes(1);
			await vi.waitFor(() => expect(requests.filter((r) => r.type === 'load').length).toBeGreaterThan(0));
		}
	);

	it('starts at once when the reader uses the part before scrolling to it', async () => {
		const { start, part } = setup('en');
		expect(start).not.toHaveBeenCalled();
		await fireEvent.pointerDown(part);
		expect(start).toHaveBeenCalledTimes(1);
	});
});
