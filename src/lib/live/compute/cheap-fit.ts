/**
 * How well a cheap operation can turn one feature map into another (pure). GhostNet's cheap operation
 * is a d×d depthwise convolution (d = 3, stride 1, zero padding 1) followed by BN, which per channel is
 * an affine map: so for a pair of maps (A, B) we find the best k×k filter w and bias β with
 * B ≈ w ⊛ A + β by least squares (normal equations, k² + 1 unknowns) and report the share of B's
 * variance it explains (R²). A plain scaled copy B ≈ αA + β is the 1×1 baseline.
 */

export interface CheapFit {
	/** Filter weights, row-major k×k (correlation, as PyTorch and tfjs convolutions compute). */
	weights: number[];
	bias: number;
	/** The fitted map w ⊛ A + β. */
	fitted: Float32Array;
	/** 1 − SS_res / SS_tot; null when B is constant (nothing to explain). */
	r2: number | null;
	/** ‖B − fitted‖ / ‖B‖; null when B is all zeros. */
	relativeResidual: number | null;
}

/** Correlation-style k×k convolution of a square map with zero padding ⌊k/2⌋, plus a bias. */
export function convolveSame(a: ArrayLike<number>, size: number, weights: ArrayLike<number>, bias: number) {
	const k = Math.round(Math.sqrt(weights.length));
	const half = Math.floor(k / 2);
	const out = new Float32Array(size * size);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			let sum = bias;
			for (let dy = 0; dy < k; dy++) {
				const sy = y + dy - half;
				if (sy < 0 || sy >= size) continue;
				for (let dx = 0; dx < k; dx++) {
					const sx = x + dx - half;
					if (sx >= 0 && sx < size) sum += weights[dy * k + dx] * a[sy * size + sx];
				}
			}
			out[y * size + x] = sum;
		}
	}
	return out;
}

/** The k² shifted copies of A (zero padded) at pixel (x, y), followed by 1 for the bias. */
function features(a: ArrayLike<number>, size: number, k: number, x: number, y: number, row: Float64Array) {
	const half = Math.floor(k / 2);
	for (let dy = 0; dy < k; dy++) {
		for (let dx = 0; dx < k; dx++) {
			const sy = y + dy - half;
			const sx = x + dx - half;
			row[dy * k + dx] = sy >= 0 && sy < size && sx >= 0 && sx < size ? a[sy * size + sx] : 0;
		}
	}
	row[k * k] = 1;
}

/**
 * Solves the symmetric positive semi-definite system M x = v (n×n, row-major) by Gaussian
 * elimination with partial pivoting after a tiny ridge (relative 1e-10 of the largest diagonal
 * entry), so that a constant or all-zero map gives a finite answer instead of a singular matrix.
 */
export function solveSymmetric(matrix: ArrayLike<number>, vector: ArrayLike<number>, n: number): number[] {
	const ridge = 1e-10 * Math.max(1e-30, ...Array.from({ length: n }, (_, i) => Math.abs(matrix[i * n + i])));
	const m = Array.from({ length: n }, (_, i) => [
		...Array.from({ length: n }, (_, j) => matrix[i * n + j] + (i === j ? ridge : 0)),
		vector[i]
	]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
		[m[col], m[pivot]] = [m[pivot], m[col]];
		for (let r = col + 1; r < n; r++) {
			const f = m[r][col] / m[col][col];
			for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = m[r][n];
		for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
		x[r] = s / m[r][r];
	}
	return x;
}

function explained(b: ArrayLike<number>, fitted: Float32Array) {
	let mean = 0;
	for (let p = 0; p < b.length; p++) mean += b[p];
	mean /= b.length;
	let total = 0;
	let residual = 0;
	let energy = 0;
	for (let p = 0; p < b.length; p++) {
		total += (b[p] - mean) ** 2;
		residual += (b[p] - fitted[p]) ** 2;
		energy += b[p] ** 2;
	}
	const relative = 1e-12 * Math.max(1, energy);
	return {
		r2: total > relative ? 1 - residual / total : null,
		relativeResidual: energy > 0 ? Math.sqrt(residual / energy) : null
	};
}

/** The best k×k depthwise filter + bias mapping map `a` to map `b` (square maps of side `size`). */
export function fitCheapOperation(a: ArrayLike<number>, b: ArrayLike<number>, size: number, k = 3): CheapFit {
	if (a.length !== size * size || b.length !== size * size) throw new RangeError('maps must be size × size');
	const n = k * k + 1;
	const gram = new Float64Array(n * n);
	const rhs = new Float64Array(n);
	const row = new Float64Array(n);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			features(a, size, k, x, y, row);
			const target = b[y * size + x];
			for (let i = 0; i < n; i++) {
				rhs[i] += row[i] * target;
				for (let j = i; j < n; j++) gram[i * n + j] += row[i] * row[j];
			}
		}
	}
	for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) gram[i * n + j] = gram[j * n + i];
	const solution = solveSymmetric(gram, rhs, n);
	const weights = solution.slice(0, k * k);
	const bias = solution[k * k];
	const fitted = convolveSame(a, size, weights, bias);
	return { weights, bias, fitted, ...explained(b, fitted) };
}

/** R² of the best scaled copy B ≈ αA + β (the square of the Pearson correlation); null if either is constant. */
export function scaledCopyR2(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
	const n = a.length;
	let ma = 0;
	let mb = 0;
	for (let p = 0; p < n; p++) {
		ma += a[p];
		mb += b[p];
	}
	ma /= n;
	mb /= n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let p = 0; p < n; p++) {
		sab += (a[p] - ma) * (b[p] - mb);
		saa += (a[p] - ma) ** 2;
		sbb += (b[p] - mb) ** 2;
	}
	return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : null;
}
