// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeIntersectionObserver as FakeObserver } from './fake-intersection-observer';
import { IN_VIEW_MARGIN, NEAR_MARGIN, whenReaderArrives } from './reader-arrival';

beforeEach(() => {
	FakeObserver.all = [];
	vi.stubGlobal('IntersectionObserver', FakeObserver);
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
