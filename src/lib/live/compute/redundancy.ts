/**
 * From a layer's similarity matrix and maps to what the redundancy finder shows (pure): the most
 * similar pairs, and for each how well GhostNet's cheap operation (a 3×3 depthwise filter + bias)
 * could make one map of the pair from the other, fitted by least squares in both directions.
 */
import { fitCheapOperation, scaledCopyR2, type CheapFit } from './cheap-fit';
import { topPairs, type MapPair } from './pairs';
import type { SimilarityRead } from './similarity-tf';

export interface PairFit extends MapPair {
	/** The map the fit starts from and the one it reproduces (the better of the two directions). */
	source: number;
	target: number;
	fit: CheapFit;
	/** R² of the best scaled copy (the 1×1 baseline); null if a map is constant. */
	copyR2: number | null;
}

export interface Redundancy {
	channels: number;
	size: number;
	pairs: PairFit[];
	/** Maps that are zero everywhere (their similarity row is all zeros). */
	zeroMaps: number[];
}

const better = (x: CheapFit, y: CheapFit) => (x.r2 ?? -Infinity) >= (y.r2 ?? -Infinity);

/** The `k` most similar pairs of `read` with their cheap-operation fits. */
export function findRedundancy(read: SimilarityRead, k = 3, kernel = 3): Redundancy {
	const { channels, size, matrix, maps } = read;
	const pairs = topPairs(matrix, channels, k).map((pair): PairFit => {
		const forward = fitCheapOperation(maps[pair.a], maps[pair.b], size, kernel);
		const backward = fitCheapOperation(maps[pair.b], maps[pair.a], size, kernel);
		const [source, target, fit] = better(forward, backward)
			? [pair.a, pair.b, forward]
			: [pair.b, pair.a, backward];
		return { ...pair, source, target, fit, copyR2: scaledCopyR2(maps[source], maps[target]) };
	});
	const zeroMaps = maps.flatMap((m, c) => (m.every((v) => v === 0) ? [c] : []));
	return { channels, size, pairs, zeroMaps };
}
