/**
 * Similar feature maps (pure): the most similar pairs of a similarity matrix, a CPU cosine similarity
 * (the oracle of the GPU version's tests), and the checks a similarity matrix must pass.
 */

export interface MapPair {
	/** Channel indices, a < b. */
	a: number;
	b: number;
	similarity: number;
}

/**
 * The `k` pairs (i < j) with the highest similarity in a row-major `c × c` matrix, highest first;
 * the diagonal is skipped. Ties keep the lower (row, column) first, so the result is deterministic.
 * The matrix is assumed symmetric; only the upper triangle is read.
 */
export function topPairs(matrix: ArrayLike<number>, c: number, k: number): MapPair[] {
	if (matrix.length !== c * c) throw new RangeError(`expected ${c}×${c} values, got ${matrix.length}`);
	const pairs: MapPair[] = [];
	for (let i = 0; i < c; i++) {
		for (let j = i + 1; j < c; j++) {
			const similarity = matrix[i * c + j];
			if (Number.isFinite(similarity)) pairs.push({ a: i, b: j, similarity });
		}
	}
	pairs.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
	return pairs.slice(0, Math.max(0, k));
}

/**
 * Cosine similarity of the rows of `maps` (`c` rows of `n` values): rows divided by their norm, a zero
 * row stays zero (so its diagonal entry is 0, not 1), then every dot product.
 */
export function cosineSimilarity(maps: ArrayLike<number>, c: number, n: number): Float64Array {
	const norms = Array.from({ length: c }, (_, i) => {
		let s = 0;
		for (let p = 0; p < n; p++) s += maps[i * n + p] ** 2;
		return Math.sqrt(s);
	});
	const out = new Float64Array(c * c);
	for (let i = 0; i < c; i++) {
		for (let j = i; j < c; j++) {
			let dot = 0;
			for (let p = 0; p < n; p++) dot += maps[i * n + p] * maps[j * n + p];
			const denominator = Math.max(norms[i], NORM_FLOOR) * Math.max(norms[j], NORM_FLOOR);
			out[i * c + j] = out[j * c + i] = dot / denominator;
		}
	}
	return out;
}

/** Norms below this count as zero (the GPU version uses the same floor). */
export const NORM_FLOOR = 1e-12;

export interface MatrixCheck {
	/** max |S[i][j] − S[j][i]|. */
	asymmetry: number;
	/** max |S[i][i] − 1| over rows whose map is not all zeros. */
	diagonalError: number;
}

/** How far a similarity matrix is from symmetric with a unit diagonal (`zeroRows`: maps that are 0). */
export function checkMatrix(matrix: ArrayLike<number>, c: number, zeroRows: ReadonlySet<number> = new Set()) {
	const check: MatrixCheck = { asymmetry: 0, diagonalError: 0 };
	for (let i = 0; i < c; i++) {
		if (!zeroRows.has(i))
			check.diagonalError = Math.max(check.diagonalError, Math.abs(matrix[i * c + i] - 1));
		for (let j = i + 1; j < c; j++) {
			check.asymmetry = Math.max(check.asymmetry, Math.abs(matrix[i * c + j] - matrix[j * c + i]));
		}
	}
	return check;
}

/** The other map most similar to map `i` (row i's argmax off the diagonal), or null for one map. */
export function mostSimilarTo(matrix: ArrayLike<number>, c: number, i: number): MapPair | null {
	let best: MapPair | null = null;
	for (let j = 0; j < c; j++) {
		if (j === i) continue;
		const similarity = matrix[i * c + j];
		if (best === null || similarity > best.similarity) best = { a: i, b: j, similarity };
	}
	return best;
}
