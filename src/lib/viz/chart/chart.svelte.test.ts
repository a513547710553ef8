// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChartTestHarness from './ChartTestHarness.svelte';
import { stubResizeObserver } from './resize-observer-stub';

stubResizeObserver();

// jsdom has no PointerEvent: a MouseEvent that carries pointerType, as browsers' does.
globalThis.PointerEvent ??= class extends MouseEvent {
	pointerType: string;
	constructor(type: string, init: PointerEventInit = {}) {
		super(type, init);
		this.pointerType = init.pointerType ?? '';
	}
} as typeof PointerEvent;

const data = [
	{ x: 1, y: 2, name: 'one' },
	{ x: 10, y: 5, name: 'ten' },
	{ x: 100, y: 9, name: 'hundred' }
];

describe('Chart with marks', () => {
	it('draws axes, a line through every point, rects, a rule and one option per point', () => {
		const { container } = render(ChartTestHarness, { data, rule: 10 });
		expect(screen.getByRole('group', { name: 'test chart' })).toBeInTheDocument();
		expect(screen.getByText('x axis')).toBeInTheDocument();
		const path = container.querySelector('path.line')!.getAttribute('d')!;
		expect(path.match(/[ML]/g)).toHaveLength(3);
		expect(container.querySelectorAll('rect')).toHaveLength(1);
		expect(screen.getByText('now')).toBeInTheDocument();
		expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual([
			'one',
			'ten',
			'hundred'
		]);
	});

	it('places points by the scales (fallback width 640: plot 568 wide, log x)', () => {
		render(ChartTestHarness, { data, rule: 10 });
		const [, ten] = screen.getAllByRole('option');
		// x = 10 is two of the three decades from 0.1 to 100; y = 5 is half of 150 px of plot height.
		expect(ten.getAttribute('transform')).toBe(`translate(${(568 * 2) / 3} 75)`);
	});

	it('keyboard: focus selects the first point, arrows move, a tooltip follows, Escape clears', async () => {
		const { container } = render(ChartTestHarness, { data, rule: 10 });
		const list = screen.getByRole('listbox', { name: 'test points' });
		await fireEvent.focus(list);
		expect(screen.getByRole('option', { name: 'one' })).toHaveAttribute('aria-selected', 'true');
		await fireEvent.keyDown(list, { key: 'ArrowRight' });
		expect(list.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'ten' }).id);
		expect(container.querySelector('.tooltip')?.textContent).toBe('ten: 5');
		await fireEvent.keyDown(list, { key: 'ArrowLeft' });
		await fireEvent.keyDown(list, { key: 'ArrowLeft' });
		expect(container.querySelector('.tooltip')?.textContent).toBe('hundred: 9');
		await fireEvent.keyDown(list, { key: 'Escape' });
		expect(container.querySelector('.tooltip')).toBeNull();
	});

	it('hover shows the tooltip of that point', async () => {
		const { container } = render(ChartTestHarness, { data, rule: 10 });
		await fireEvent.pointerEnter(screen.getByRole('option', { name: 'hundred' }));
		expect(container.querySelector('.tooltip')?.textContent).toBe('hundred: 9');
	});

	it('a mouse leaving hides the tooltip; a finger lifting does not', async () => {
		const { container } = render(ChartTestHarness, { data, rule: 10 });
		const ten = screen.getByRole('option', { name: 'ten' });
		await fireEvent.pointerEnter(ten, { pointerType: 'mouse' });
		await fireEvent.pointerLeave(ten, { pointerType: 'mouse' });
		expect(container.querySelector('.tooltip')).toBeNull();
		await fireEvent.pointerEnter(ten, { pointerType: 'touch' });
		await fireEvent.pointerLeave(ten, { pointerType: 'touch' });
		expect(container.querySelector('.tooltip')?.textContent).toBe('ten: 5');
	});

	it('a tap pins the tooltip until a tap elsewhere, a second tap or Escape', async () => {
		const { container } = render(ChartTestHarness, { data, rule: 10 });
		const tooltip = () => container.querySelector('.tooltip')?.textContent ?? null;
		const one = screen.getByRole('option', { name: 'one' });
		await fireEvent.pointerEnter(one, { pointerType: 'touch' });
		await fireEvent.click(one);
		await fireEvent.pointerLeave(one, { pointerType: 'touch' });
		// Hovering another point (a mouse passing by) does not move a pinned tooltip.
		await fireEvent.pointerEnter(screen.getByRole('option', { name: 'ten' }), { pointerType: 'mouse' });
		expect(tooltip()).toBe('one: 2');
		await fireEvent.pointerDown(document.body);
		expect(tooltip()).toBeNull();
		await fireEvent.click(one);
		expect(tooltip()).toBe('one: 2');
		await fireEvent.keyDown(document.body, { key: 'Escape' });
		expect(tooltip()).toBeNull();
		await fireEvent.click(one);
		await fireEvent.click(one);
		expect(tooltip()).toBeNull();
	});

	it('follows new data', async () => {
		const { container, rerender } = render(ChartTestHarness, { data, rule: 10 });
		const before = container.querySelector('path.line')!.getAttribute('d');
		await rerender({ data: data.map((d) => ({ ...d, y: d.y / 2 })), rule: 1 });
		expect(container.querySelector('path.line')!.getAttribute('d')).not.toBe(before);
	});
});
