// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { fakeSession } from '$lib/live/testing';
import LiveFeatureMaps from './LiveFeatureMaps.svelte';
import { commonText } from './live-text';
import RedundancyFinder from './RedundancyFinder.svelte';
import { IN_VIEW_MARGIN, NEAR_MARGIN, whenReaderArrives } from './session-boot';
import { installCanvasStub } from './testing';

/** An IntersectionObserver whose entries the test delivers by hand. */
class FakeObserver {
	static all: FakeObserver[] = [];
	readonly targets: Element[] = [];
	disconnected = false;
	constructor(
		readonly callback: IntersectionObserverCallback,
		readonly options: IntersectionObserverInit = {}
	) {
		FakeObserver.all.push(this);
	}
	observe(target: Element) {
		this.targets.push(target);
	}
	disconnect() {
		this.disconnected = true;
	}
	/** Reports `isIntersecting` for every observed target. */
	deliver(isIntersecting: boolean) {
		const entries = this.targets.map((target) => ({ target, isIntersecting }));
		this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
	}
}

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

describe('whenReaderArrives', () => {
	it('watches within a screen of the viewport by default, or the margin given', () => {
		const element = document.createElement('section');
		const arrive = vi.fn();
		whenReaderArrives(element, arrive);
		whenReaderArrives(element, arrive, IN_VIEW_MARGIN);
		const [near, inView] = FakeObserver.all;
		expect(near.options.rootMargin).toBe(NEAR_MARGIN);
		expect(NEAR_MARGIN).toBe('100% 0px 100% 0px');
		expect(inView.options.rootMargin).toBe('0px 0px -33% 0px');
		inView.disconnected = true;
		const observer = near;
		observer.deliver(false);
		expect(arrive).not.toHaveBeenCalled();
		observer.deliver(true);
		expect(arrive).toHaveBeenCalledTimes(1);
		expect(observer.disconnected).toBe(true);
	});

	it.each(['pointerdown', 'focusin', 'keydown'])('starts on %s inside the element, once', (type) => {
		const element = document.createElement('section');
		const arrive = vi.fn();
		whenReaderArrives(element, arrive);
		element.dispatchEvent(new Event(type));
		element.dispatchEvent(new Event(type));
		FakeObserver.all[0].deliver(true);
		expect(arrive).toHaveBeenCalledTimes(1);
	});

	it('does nothing after it was stopped', () => {
		const element = document.createElement('section');
		const arrive = vi.fn();
		whenReaderArrives(element, arrive)();
		element.dispatchEvent(new Event('pointerdown'));
		expect(arrive).not.toHaveBeenCalled();
		expect(FakeObserver.all[0].disconnected).toBe(true);
	});
});

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
