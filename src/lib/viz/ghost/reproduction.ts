/**
 * Our small-scale reproduction of the GhostNet paper's s ablation, read at build time from
 * scripts/train/results/reproduction.json (written by scripts/train/reproduce.py). Everything the chart
 * and its caption say — epochs, seeds, test images, accuracies, spread, params, MACs — comes from that
 * file, so a longer run with the same schema replaces the figure and the text together.
 */
import results from '../../../../scripts/train/results/reproduction.json';

export interface MeasuredVariant {
	id: string;
	/** Ghost ratio; null for the ordinary-convolution baseline. */
	s: number | null;
	params: number;
	macs: number;
	seeds: number[];
	/** Test accuracy of each seed, %. */
	accuracies: number[];
	/** Mean over the seeds, %. */
	mean: number;
	min: number;
	max: number;
}

export interface Reproduction {
	epochs: number;
	testImages: number;
	command: string;
	/** The baseline first, then the Ghost variants by increasing s. */
	variants: MeasuredVariant[];
}

type Json = Record<string, unknown>;

function need<T>(value: unknown, check: (v: unknown) => boolean, what: string): T {
	if (!check(value)) throw new Error(`reproduction.json: ${what}`);
	return value as T;
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const isFraction = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

function variantOf(raw: Json): MeasuredVariant {
	const options = need<Json>(raw.options, (v) => typeof v === 'object' && v !== null, 'variant options');
	const kind = need<string>(options.moduleKind, (v) => v === 'ghost' || v === 'conv', 'moduleKind');
	const seeds = need<number[]>(raw.seeds, (v) => Array.isArray(v) && v.length > 0, 'seeds');
	const fractions = need<number[]>(
		raw.testAccuracy,
		(v) => Array.isArray(v) && v.length === seeds.length && v.every(isFraction),
		'one test accuracy per seed'
	);
	const accuracies = fractions.map((a) => a * 100);
	return {
		id: need<string>(raw.id, (v) => typeof v === 'string', 'variant id'),
		s: kind === 'conv' ? null : need<number>(options.ghostRatio ?? 2, isCount, 'ghostRatio'),
		params: need<number>(raw.params, isCount, 'params'),
		macs: need<number>(raw.macs, isCount, 'macs'),
		seeds,
		accuracies,
		mean: accuracies.reduce((a, b) => a + b, 0) / accuracies.length,
		min: Math.min(...accuracies),
		max: Math.max(...accuracies)
	};
}

/** Checks and orders the results file; throws on anything the chart could not show truthfully. */
export function parseReproduction(json: unknown): Reproduction {
	const root = need<Json>(json, (v) => typeof v === 'object' && v !== null, 'not an object');
	const raw = need<Json[]>(root.variants, Array.isArray, 'variants');
	const variants = raw.map(variantOf).sort((a, b) => (a.s ?? 0) - (b.s ?? 0));
	if (variants[0]?.s !== null || variants.filter((v) => v.s === null).length !== 1)
		throw new Error('reproduction.json: exactly one ordinary-conv baseline');
	if (!variants.some((v) => v.s === 2)) throw new Error('reproduction.json: no s = 2 variant');
	return {
		epochs: need<number>(root.epochs, (v) => typeof v === 'number' && v > 0, 'epochs'),
		testImages: need<number>(root.testImages, isCount, 'testImages'),
		command: need<string>(root.command, (v) => typeof v === 'string', 'command'),
		variants
	};
}

export const REPRODUCTION: Reproduction = parseReproduction(results);

/** Variants grouped by their seed list, in order: e.g. [[conv, s=2] with [0, 1]], [[s=3, s=4] with [0]]. */
export function seedGroups(rep: Reproduction): { variants: MeasuredVariant[]; seeds: number[] }[] {
	const groups: { variants: MeasuredVariant[]; seeds: number[] }[] = [];
	for (const v of rep.variants) {
		const group = groups.find((g) => g.seeds.join() === v.seeds.join());
		if (group) group.variants.push(v);
		else groups.push({ variants: [v], seeds: v.seeds });
	}
	return groups;
}

export type Trend = 'falls' | 'rises' | 'mixed';

/** What the measurement says, for the caption: the baseline vs s = 2, and the Ghost variants' trend with s. */
export function findings(rep: Reproduction) {
	const conv = rep.variants[0];
	const s2 = rep.variants.find((v) => v.s === 2) as MeasuredVariant;
	const ghosts = rep.variants.filter((v) => v.s !== null);
	const steps = ghosts.slice(1).map((v, i) => v.mean - ghosts[i].mean);
	const trend: Trend = steps.every((d) => d < 0) ? 'falls' : steps.every((d) => d > 0) ? 'rises' : 'mixed';
	const replicated = [conv, s2].filter((v) => v.seeds.length > 1);
	return {
		conv,
		s2,
		/** Baseline minus s = 2, in points (positive: the ordinary convolution is ahead). */
		gap: conv.mean - s2.mean,
		/** Largest seed-to-seed range of the two, in points; null when neither has two seeds. */
		seedRange: replicated.length ? Math.max(...replicated.map((v) => v.max - v.min)) : null,
		trend,
		/** s = 2's MACs as a fraction of the baseline's. */
		macsRatio: s2.macs / conv.macs,
		paramsRatio: s2.params / conv.params
	};
}
