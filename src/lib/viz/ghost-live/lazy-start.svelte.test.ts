// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '$lib/viz/chart/resize-observer-stub';
import { fakeSession } from '$lib/viz/classifier/testing';
import LiveFeatureMaps from './LiveFeatureMaps.svelte';
import { commonText } from './live-text';
import RedundancyFinder from './RedundancyFinder.svelte';
import { IN_VIEW_MARGIN, whenReaderArrives } from './session-boot';
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
	it('waits for the upper part of the viewport, not for the edge of it', () => {
		const element = document.createElement('section');
		const arrive = vi.fn();
		whenReaderArrives(element, arrive);
		const [observer] = FakeObserver.all;
		expect(observer.options.rootMargin).toBe(IN_VIEW_MARGIN);
		expect(IN_VIEW_MARGIN).toMatch(/^0px 0px -\d+% 0px$/);
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
		const { session } = fakeSession();
		const start = vi.spyOn(session, 'start');
		render(component, { lang, session });
		return { session, start, part: screen.getByTestId(testid) };
	}

	it.each(['en', 'zh'] as const)('%s: waits (and says so) until the part is in view', async (lang) => {
		const { session, start } = setup(lang);
		await Promise.resolve();
		expect(start).not.toHaveBeenCalled();
		expect(session.runtime).toBe('idle');
		expect(screen.getAllByText(commonText[lang].waiting).length).toBeGreaterThan(0);
		FakeObserver.all.forEach((o) => o.deliver(false));
		expect(start).not.toHaveBeenCalled();
		FakeObserver.all.forEach((o) => o.deliver(true));
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('starts at once when the reader uses the part before scrolling to it', async () => {
		const { start, part } = setup('en');
		expect(start).not.toHaveBeenCalled();
		await fireEvent.pointerDown(part);
		expect(start).toHaveBeenCalledTimes(1);
	});
});
