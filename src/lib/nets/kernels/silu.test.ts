import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { instantiateOn, variantsFor } from './instantiate';
import { SILU_WASM } from './silu.binaries';
import { siluKernel } from './silu';

/**
 * The worst error of one variant's loop against SiLU in double precision, over values from −120 to 120
 * (denser near 0) and the edges: relative where |silu(x)| > 1e-30, else absolute. Self-contained, so
 * that a Node with relaxed SIMD behind a flag can run it too (see below).
 */
function worstError(base64: string, shared: boolean) {
	const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
	const memory = new WebAssembly.Memory({ initial: 2, maximum: 2, shared });
	const instance = new WebAssembly.Instance(new WebAssembly.Module(binary), { env: { memory } });
	const edges = [0, -0, 1e-8, -1e-8, 88, -88, 87.3, -87.3, 88.5, -88.5, 200, -200, 1e30, -1e30, NaN];
	const values = [...edges, ...Array.from({ length: 4002 }, (_, i) => Math.sinh((i - 2001) / 370))];
	const x = new Float32Array(memory.buffer, 0, values.length);
	const y = new Float32Array(memory.buffer, 4 * values.length, values.length);
	x.set(values);
	(instance.exports.silu as (x: number, y: number, n: number) => void)(0, 4 * values.length, values.length);
	let relative = 0;
	let absolute = 0;
	let nanKept = false;
	for (let i = 0; i < values.length; i++) {
		if (Number.isNaN(x[i])) {
			nanKept = Number.isNaN(y[i]);
			continue;
		}
		const want = x[i] / (1 + Math.exp(-x[i]));
		const error = Math.abs(y[i] - want);
		if (Math.abs(want) > 1e-30) relative = Math.max(relative, error / Math.abs(want));
		else absolute = Math.max(absolute, error);
	}
	return { relative, absolute, nanKept, count: values.length };
}

/** worstError in this process, or in a Node started with relaxed SIMD (Node 20 has it behind a flag). */
function worstErrorOf(variant: keyof typeof SILU_WASM) {
	const base64 = SILU_WASM[variant];
	const shared = variant === 'shared' || variant === 'relaxedShared';
	if (WebAssembly.validate(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))))
		return worstError(base64, shared);
	const script = `console.log(JSON.stringify((${worstError.toString()})(process.env.SILU, ${shared})))`;
	const out = execFileSync(process.execPath, ['--experimental-wasm-relaxed-simd', '-e', script], {
		env: { ...process.env, SILU: base64 },
		encoding: 'utf8'
	});
	return JSON.parse(out) as ReturnType<typeof worstError>;
}

describe('the SiLU wasm kernel (silu.wat)', () => {
	for (const variant of Object.keys(SILU_WASM) as (keyof typeof SILU_WASM)[]) {
		it(`computes x / (1 + exp(−x)) to within 3e-7 of double precision: ${variant}`, () => {
			const { relative, absolute, nanKept, count } = worstErrorOf(variant);
			expect(count).toBe(4017);
			expect(nanKept).toBe(true);
			expect(relative).toBeLessThan(3e-7);
			expect(absolute).toBeLessThan(1e-36);
		});
	}

	it('runs on an ordinary memory at any offsets and length, the last values in JavaScript', () => {
		const memory = new WebAssembly.Memory({ initial: 1 });
		const kernel = siluKernel(memory)!;
		expect(kernel).not.toBeNull();
		expect(siluKernel(memory)).toBe(kernel);
		const floats = new Float32Array(memory.buffer);
		const x = [-3, -1, -0.5, 0, 0.5, 1, 3];
		floats.set(x, 5);
		floats.fill(42, 20, 40);
		kernel(5 * 4, 21 * 4, x.length);
		x.forEach((v, i) => expect(floats[21 + i]).toBeCloseTo(v / (1 + Math.exp(-v)), 6));
		expect(floats[20]).toBe(42);
		expect(floats[21 + x.length]).toBe(42);
	});

	it('imports a shared memory (the threaded tfjs build) as it is', () => {
		const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true });
		expect(variantsFor(SILU_WASM, memory).length).toBe(2);
		const loop = instantiateOn(variantsFor(SILU_WASM, memory).at(-1)!, memory).silu as (
			x: number,
			y: number,
			n: number
		) => void;
		const floats = new Float32Array(memory.buffer);
		floats.set([2, -2, 10, -10]);
		loop(0, 16, 4);
		expect(Array.from(floats.subarray(4, 8), (v) => v.toFixed(5))).toEqual(
			[2, -2, 10, -10].map((v) => (v / (1 + Math.exp(-v))).toFixed(5))
		);
		expect(siluKernel(memory)).not.toBeNull();
	});
});
