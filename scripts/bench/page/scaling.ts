/** The Scaling lab's per-input-event update (resolve + cost of the φ network and an official variant) for B7. */
import { scalingUpdate } from '$lib/viz/scaling/model';
import { variantState, type ScalingState } from '$lib/viz/scaling/state';

const CASES: Record<string, ScalingState> = {
	'B7 preset': variantState('b7'),
	'φ = 7 (α 1.2, β 1.1, γ 1.15)': { phi: 7, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null }
};

/** Raw times (ms) of `runs` updates per case, after a few untimed ones. */
export function timeScaling(runs: number): Record<string, number[]> {
	const out: Record<string, number[]> = {};
	for (const [label, state] of Object.entries(CASES)) {
		for (let i = 0; i < 10; i++) scalingUpdate(state);
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			const model = scalingUpdate(state);
			times.push(performance.now() - t0);
			if (!(model.formula.cost.macs > 0)) throw new Error('scalingUpdate returned no cost');
		}
		out[label] = times;
	}
	return out;
}
