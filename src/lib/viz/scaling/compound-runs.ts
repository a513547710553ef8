/**
 * Our small-scale reproduction of EfficientNet's compound scaling (paper §3.3, Fig. 3, Fig. 4), read at
 * build time from scripts/train/results/scaling.json (written by scripts/train/scaling.py). The means,
 * spreads and the grid's best point are recomputed here from the file's `runs`, and a file whose summary
 * disagrees is refused, so the charts and their captions can only show what the runs measured.
 */
import results from '../../../../scripts/train/results/scaling.json';

export type Coefficients = [alpha: number, beta: number, gamma: number];
export type Method = 'depth' | 'width' | 'resolution' | 'compound';
export const METHODS: Method[] = ['depth', 'width', 'resolution', 'compound'];

/** One trained network: every seed's test accuracy (%), and the network's size from our cost model. */
export interface TrainedPoint {
	key: string;
	coefficients: Coefficients;
	phi: number;
	width: number;
	depth: number;
	resolution: number;
	params: number;
	macs: number;
	seeds: number[];
	accuracies: number[];
	mean: number;
	min: number;
	max: number;
}

export interface GridPoint extends TrainedPoint {
	/** α·β²·γ². */
	product: number;
	/** The paper's (1.2, 1.1, 1.15). */
	paper: boolean;
	/** Which single dimension the point scales alone, if it does. */
	single: Exclude<Method, 'compound'> | null;
}

export interface CompoundRuns {
	epochs: number;
	seeds: number[];
	testImages: number;
	baselineNetwork: { width: number; depth: number; resolution: number };
	maxResolution: number;
	/** The grid's φ and its constraint α·β²·γ² = target ± tolerance. */
	gridPhi: number;
	target: number;
	tolerance: number;
	baseline: TrainedPoint;
	grid: GridPoint[];
	/** The grid's best point (highest mean), once every grid run has finished. */
	best: GridPoint | null;
	/** Each method's curve from the baseline (φ = 0) up, by increasing MACs. */
	curves: Record<Method, TrainedPoint[]>;
	runsDone: number;
	runsPlanned: number;
	computeHours: number;
	hyperParameters: {
		batchSize: number;
		optimizer: string;
		lr: number;
		weightDecay: number;
		labelSmoothing: number;
	};
}

/** How the optimizers of scripts/train/train.py are usually written. */
const OPTIMIZER_NAMES: Record<string, string> = { adamw: 'AdamW', sgd: 'SGD', adam: 'Adam' };

export const PAPER_COEFFICIENTS: Coefficients = [1.2, 1.1, 1.15];

type Json = Record<string, unknown>;

function need<T>(value: unknown, check: (v: unknown) => boolean, what: string): T {
	if (!check(value)) throw new Error(`scaling.json: ${what}`);
	return value as T;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const isFraction = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
const isTriple = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every(isPositive);
const same = (a: number[], b: number[]) =>
	a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 1e-6);

interface Run {
	experiment: string;
	label: string | null;
	coefficients: Coefficients;
	phi: number;
	width: number;
	depth: number;
	resolution: number;
	seed: number;
	params: number;
	macs: number;
	epochs: number;
	accuracy: number;
}

function runOf(raw: unknown, i: number): Run {
	const r = need<Json>(raw, isObject, `runs[${i}] is not an object`);
	const what = (field: string) => `runs[${i}].${field}`;
	return {
		experiment: need<string>(
			r.experiment,
			(v) => ['baseline', 'grid', 'single', 'compound'].includes(v as string),
			what('experiment')
		),
		label: need<string | null>(r.label, (v) => v === null || typeof v === 'string', what('label')),
		coefficients: need<Coefficients>(r.coefficients, isTriple, what('coefficients')),
		phi: need<number>(r.phi, (v) => typeof v === 'number' && v >= 0, what('phi')),
		width: need<number>(r.width, isPositive, what('width')),
		depth: need<number>(r.depth, isPositive, what('depth')),
		resolution: need<number>(r.resolution, isCount, what('resolution')),
		seed: need<number>(r.seed, (v) => Number.isInteger(v) && (v as number) >= 0, what('seed')),
		params: need<number>(r.params, isCount, what('params')),
		macs: need<number>(r.macs, isCount, what('macs')),
		epochs: need<number>(r.epochs, isPositive, what('epochs')),
		accuracy: need<number>(r.testAccuracy, isFraction, what('testAccuracy')) * 100
	};
}

const pointKey = (r: Pick<Run, 'experiment' | 'label' | 'coefficients' | 'phi'>) =>
	`${r.experiment}/${r.label ?? ''}/${r.coefficients.join(',')}/${r.phi}`;

/** The runs of one network (same experiment, label, coefficients and φ), one per seed. */
function pointOf(runs: Run[]): TrainedPoint {
	const sorted = [...runs].sort((a, b) => a.seed - b.seed);
	const first = sorted[0];
	for (const r of sorted)
		if (r.macs !== first.macs || r.params !== first.params || r.resolution !== first.resolution)
			throw new Error(`scaling.json: the seeds of ${pointKey(first)} disagree on the network`);
	if (new Set(sorted.map((r) => r.seed)).size !== sorted.length)
		throw new Error(`scaling.json: ${pointKey(first)} has a seed twice`);
	const accuracies = sorted.map((r) => r.accuracy);
	return {
		key: pointKey(first),
		coefficients: first.coefficients,
		phi: first.phi,
		width: first.width,
		depth: first.depth,
		resolution: first.resolution,
		params: first.params,
		macs: first.macs,
		seeds: sorted.map((r) => r.seed),
		accuracies,
		mean: accuracies.reduce((a, b) => a + b, 0) / accuracies.length,
		min: Math.min(...accuracies),
		max: Math.max(...accuracies)
	};
}

function group(runs: Run[], experiment: string, label?: string | null): TrainedPoint[] {
	const points = new Map<string, Run[]>();
	for (const r of runs) {
		if (r.experiment !== experiment || (label !== undefined && r.label !== label)) continue;
		const key = pointKey(r);
		points.set(key, [...(points.get(key) ?? []), r]);
	}
	return [...points.values()].map(pointOf);
}

const product = ([a, b, g]: Coefficients) => a * b * b * g * g;

function singleDimension([a, b, g]: Coefficients): GridPoint['single'] {
	const one = (v: number) => Math.abs(v - 1) < 1e-9;
	if (one(b) && one(g) && !one(a)) return 'depth';
	if (one(a) && one(g) && !one(b)) return 'width';
	if (one(a) && one(b) && !one(g)) return 'resolution';
	return null;
}

/** Checks the file against its runs and derives everything the charts show; throws on any mismatch. */
export function parseCompoundRuns(json: unknown): CompoundRuns {
	const root = need<Json>(json, isObject, 'not an object');
	const runs = need<unknown[]>(root.runs, Array.isArray, 'runs').map(runOf);
	const seeds = need<number[]>(root.seeds, (v) => Array.isArray(v) && v.length > 0, 'seeds');
	const epochs = need<number>(root.epochs, isPositive, 'epochs');
	if (runs.some((r) => r.epochs !== epochs)) throw new Error('scaling.json: runs with other epochs');
	const gridConfig = need<Json>(root.grid, isObject, 'grid');
	const constraint = need<Json>(gridConfig.constraint, isObject, 'grid.constraint');
	const target = need<number>(constraint.target, isPositive, 'grid.constraint.target');
	const tolerance = need<number>(constraint.tolerance, isPositive, 'grid.constraint.tolerance');
	const gridPoints = need<Coefficients[]>(
		gridConfig.points,
		(v) => Array.isArray(v) && v.every(isTriple),
		'grid.points'
	);
	for (const c of gridPoints)
		if (Math.abs(product(c) / target - 1) > tolerance + 1e-9 || c.some((v) => v < 1))
			throw new Error(`scaling.json: grid point ${c.join(', ')} breaks α·β²·γ² = ${target} ± ${tolerance}`);

	const baselines = group(runs, 'baseline');
	if (baselines.length !== 1) throw new Error('scaling.json: exactly one baseline network');
	const baseline = baselines[0];
	const grid: GridPoint[] = group(runs, 'grid').map((p) => ({
		...p,
		product: product(p.coefficients),
		paper: same(p.coefficients, PAPER_COEFFICIENTS),
		single: singleDimension(p.coefficients)
	}));
	const complete = (p: TrainedPoint) => p.seeds.length === seeds.length;
	const gridDone = grid.length === gridPoints.length && grid.every(complete);
	const best = gridDone ? grid.reduce((a, b) => (b.mean > a.mean ? b : a)) : null;

	// The file's own summary must say what the runs say.
	const summary = need<Json>(root.summary, isObject, 'summary');
	const written = (points: unknown, what: string) =>
		need<Json[]>(points, Array.isArray, `summary.${what}`).map((s) => ({
			key: pointKey({
				experiment: what.split('.')[0],
				label: s.label as string | null,
				coefficients: s.coefficients as Coefficients,
				phi: s.phi as number
			}),
			mean: need<number>(s.mean, isFraction, `summary.${what} mean`) * 100
		}));
	const check = (ours: TrainedPoint[], theirs: { key: string; mean: number }[], what: string) => {
		const byKey = new Map(theirs.map((t) => [t.key, t.mean]));
		if (byKey.size !== ours.length || ours.some((p) => Math.abs((byKey.get(p.key) ?? NaN) - p.mean) > 1e-3))
			throw new Error(`scaling.json: summary.${what} disagrees with the runs`);
	};
	check(grid, written(summary.grid, 'grid'), 'grid');
	const writtenBest = gridConfig.best;
	if (
		(best === null) !== (writtenBest === null || writtenBest === undefined) ||
		(best && !same(best.coefficients, writtenBest as number[]))
	)
		throw new Error('scaling.json: grid.best is not the grid point with the highest mean');

	const singleSummary = need<Json>(summary.single, isObject, 'summary.single');
	const curves = {} as Record<Method, TrainedPoint[]>;
	for (const method of METHODS) {
		const points =
			method === 'compound' ? group(runs, 'compound') : group(runs, 'single', method as string | null);
		const path = method === 'compound' ? 'compound' : `single.${method}`;
		check(points, written(method === 'compound' ? summary.compound : singleSummary[method], path), path);
		curves[method] = [baseline, ...points.sort((a, b) => a.macs - b.macs)];
	}

	const hp = need<Json>(root.hyperParameters, isObject, 'hyperParameters');
	const optimizer = need<Json>(hp.optimizer, isObject, 'hyperParameters.optimizer');
	return {
		epochs,
		seeds,
		testImages: need<number>(root.testImages, isCount, 'testImages'),
		baselineNetwork: need(root.baselineNetwork, isObject, 'baselineNetwork'),
		maxResolution: need<number>(root.maxResolution, isCount, 'maxResolution'),
		gridPhi: need<number>(gridConfig.phi, isPositive, 'grid.phi'),
		target,
		tolerance,
		baseline,
		grid,
		best,
		curves,
		runsDone: new Set(runs.map((r) => `${pointKey(r)}/${r.seed}`)).size,
		runsPlanned: need<number>(root.runsPlanned, isCount, 'runsPlanned'),
		computeHours: need<number>(root.computeSeconds, isPositive, 'computeSeconds') / 3600,
		hyperParameters: {
			batchSize: need<number>(hp.batchSize, isCount, 'batchSize'),
			optimizer:
				OPTIMIZER_NAMES[
					need<string>(optimizer.kind, (v) => typeof v === 'string' && v in OPTIMIZER_NAMES, 'optimizer.kind')
				],
			lr: need<number>(optimizer.lr, isPositive, 'optimizer.lr'),
			weightDecay: need<number>(optimizer.weightDecay, (v) => typeof v === 'number', 'weightDecay'),
			labelSmoothing: need<number>(hp.labelSmoothing, (v) => typeof v === 'number', 'labelSmoothing')
		}
	};
}

export const COMPOUND_RUNS: CompoundRuns = parseCompoundRuns(results);

/** A method's mean accuracy at `macs`, interpolated linearly in log MACs; null outside its range. */
export function accuracyAt(
	curve: TrainedPoint[],
	macs: number
): { mean: number; min: number; max: number } | null {
	for (let i = 0; i + 1 < curve.length; i++) {
		const [a, b] = [curve[i], curve[i + 1]];
		if (macs < a.macs || macs > b.macs) continue;
		const t = a.macs === b.macs ? 0 : Math.log(macs / a.macs) / Math.log(b.macs / a.macs);
		const at = (f: (p: TrainedPoint) => number) => f(a) + t * (f(b) - f(a));
		return { mean: at((p) => p.mean), min: at((p) => p.min), max: at((p) => p.max) };
	}
	return null;
}

export type Verdict = 'ahead' | 'behind' | 'within';

/** Compound scaling against one single-dimension method at the MACs of one compound point. */
export interface Matched {
	method: Exclude<Method, 'compound'>;
	compound: TrainedPoint;
	other: { mean: number; min: number; max: number };
	/** Compound's mean minus the other's, percentage points. */
	difference: number;
	/** The experiment's noise: the largest difference between two seeds of one network, points. */
	noise: number;
	/** 'within' when the seed ranges overlap or the difference is no larger than the noise. */
	verdict: Verdict;
}

/**
 * The largest difference between the seeds of any one network of the experiment (percentage points):
 * a point trained with one seed so far has no range of its own, so no difference is called below this.
 */
export function seedNoise(data: Pick<CompoundRuns, 'curves'> & Partial<Pick<CompoundRuns, 'grid'>>): number {
	const points = [...(data.grid ?? []), ...Object.values(data.curves).flat()];
	return Math.max(0, ...points.map((p) => p.max - p.min));
}

/** Every compound point (φ ≥ 1) against every single-dimension curve that reaches its MACs. */
export function matchedComparisons(
	data: Pick<CompoundRuns, 'curves'> & Partial<Pick<CompoundRuns, 'grid'>>
): Matched[] {
	const noise = seedNoise(data);
	const out: Matched[] = [];
	for (const compound of data.curves.compound.slice(1)) {
		for (const method of ['depth', 'width', 'resolution'] as const) {
			const other = accuracyAt(data.curves[method], compound.macs);
			if (!other) continue;
			const overlap = compound.min <= other.max && other.min <= compound.max;
			const difference = compound.mean - other.mean;
			out.push({
				method,
				compound,
				other,
				difference,
				noise,
				verdict: overlap || Math.abs(difference) <= noise ? 'within' : difference > 0 ? 'ahead' : 'behind'
			});
		}
	}
	return out;
}
