/**
 * The Scaling lab's state: the slider/preset state, the notes about corrected values, and the model
 * derived from it on every change. The article's lab and the figures that show "the network on display"
 * after it (the MBConv block) share one instance per tab, `scalingLab`; tests pass their own.
 */
import { untrack } from 'svelte';
import { COMPOUND_COEFFICIENTS, type EfficientNetVariant } from '$lib/nets';
import { scalingUpdate } from './model';
import {
	DEFAULT_STATE,
	normalizeCompound,
	parseSearch,
	setParam,
	variantState,
	type Param,
	type ScalingState,
	type StateNote
} from './state';

export type Preset = EfficientNetVariant | 'paper';

export class ScalingLabState {
	state = $state<ScalingState>(DEFAULT_STATE);
	/** Corrections of the values found in the URL; shown until dismissed. */
	urlNotes = $state<StateNote[]>([]);
	/** Corrections of the last change (φ lowered to fit the spec, a typed value clamped). */
	changeNotes = $state<StateNote[]>([]);
	/** The URL is rewritten only after the reader changed something. */
	touched = $state(false);
	/** What made the last change: charts animate preset jumps, never slider drags. */
	lastChange = $state<'slider' | 'preset' | 'url' | null>(null);
	model = $derived(scalingUpdate(this.state));
	/** "EfficientNet-B3" for a preset, "φ = 3.4" in the compound form. */
	shownName = $derived(
		this.state.variant
			? `EfficientNet-${this.state.variant.toUpperCase()}`
			: `φ = ${this.state.phi.toFixed(1)}`
	);

	setParam(param: Param, value: number): void {
		const next = setParam(this.state, param, value);
		this.state = next.state;
		this.changeNotes = next.notes;
		this.touched = true;
		this.lastChange = 'slider';
	}

	/** 'paper' sets α, β, γ to 1.2, 1.1, 1.15 and keeps φ; B0…B7 show the official network. */
	choosePreset(preset: Preset): void {
		if (preset === 'paper') {
			const next = normalizeCompound({ phi: this.state.phi, ...COMPOUND_COEFFICIENTS });
			this.state = next.state;
			this.changeNotes = next.notes;
		} else {
			this.state = variantState(preset);
			this.changeNotes = [];
		}
		this.touched = true;
		this.lastChange = 'preset';
	}

	restore(search: string): void {
		const { state, notes } = parseSearch(search);
		this.state = state;
		this.urlNotes = notes;
		this.lastChange = 'url';
	}

	dismissUrlNotes(): void {
		this.urlNotes = [];
	}
}

/** The network on display in this tab's article: the lab writes it, later figures read it. */
export const scalingLab = new ScalingLabState();

/**
 * A value computed from `input()` once it has stopped changing for `delay` ms (for work too heavy for
 * every input event). `input` must return a primitive; `current` says whether `value` is up to date.
 * A result that arrives after the input moved on is kept (better than nothing) but not marked current.
 */
export function settled<I extends string | number, T>(
	input: () => I,
	compute: (input: I) => Promise<T>,
	delay = 150
) {
	let value = $state<T | null>(null);
	let computedFor = $state<I | null>(null);
	$effect(() => {
		const now = input();
		if (untrack(() => computedFor) === now) return;
		const timer = setTimeout(async () => {
			const result = await compute(now);
			value = result;
			computedFor = now;
		}, delay);
		return () => clearTimeout(timer);
	});
	return {
		get value() {
			return value;
		},
		get current() {
			return computedFor === input();
		}
	};
}
