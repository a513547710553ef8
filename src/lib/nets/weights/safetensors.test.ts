import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	readSafetensors,
	SafetensorsError,
	writeSafetensors,
	type SafetensorsErrorCode
} from './safetensors';

/** A file from a raw header object and a data section of `dataBytes` bytes. */
function rawFile(header: unknown, dataBytes: number, declaredLength?: number): Uint8Array {
	const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
	const out = new Uint8Array(8 + json.byteLength + dataBytes);
	new DataView(out.buffer).setBigUint64(0, BigInt(declaredLength ?? json.byteLength), true);
	out.set(json, 8);
	return out;
}

function expectError(bytes: Uint8Array, code: SafetensorsErrorCode, key?: string): SafetensorsError {
	try {
		readSafetensors(bytes);
	} catch (e) {
		expect(e).toBeInstanceOf(SafetensorsError);
		const err = e as SafetensorsError;
		expect(err.code).toBe(code);
		if (key) expect(err.key).toBe(key);
		return err;
	}
	throw new Error('expected a SafetensorsError');
}

describe('readSafetensors', () => {
	it('round-trips F32 and I64 with metadata', () => {
		const bytes = writeSafetensors(
			[
				{ name: 'a', shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, -6.5]) },
				{ name: 'n', shape: [], values: BigInt64Array.from([7n]) }
			],
			{ family: 'ghostnet' }
		);
		const file = readSafetensors(bytes);
		expect(file.metadata).toEqual({ family: 'ghostnet' });
		expect([...file.tensors.keys()]).toEqual(['a', 'n']);
		expect(Array.from(file.tensors.get('a')!.values as Float32Array)).toEqual([1, 2, 3, 4, 5, -6.5]);
		expect(file.tensors.get('a')!.shape).toEqual([2, 3]);
		expect(file.tensors.get('n')!.values).toEqual(BigInt64Array.from([7n]));
	});

	it('decodes F16 and BF16 (including subnormal, negative, infinity), at unaligned offsets', () => {
		// F16: 1.0 = 0x3c00, -2.0 = 0xc000, 2^-24 = 0x0001, +inf = 0x7c00. BF16: 1.0 = 0x3f80, -0.5 = 0xbf00.
		const f16 = [0x3c00, 0xc000, 0x0001, 0x7c00];
		const bf16 = [0x3f80, 0xbf00];
		const header = {
			h: { dtype: 'F16', shape: [4], data_offsets: [1, 9] },
			b: { dtype: 'BF16', shape: [2], data_offsets: [9, 13] }
		};
		const bytes = rawFile(header, 13);
		const data = new DataView(bytes.buffer, bytes.byteLength - 13);
		f16.forEach((v, i) => data.setUint16(1 + 2 * i, v, true));
		bf16.forEach((v, i) => data.setUint16(9 + 2 * i, v, true));
		const file = readSafetensors(bytes);
		expect(Array.from(file.tensors.get('h')!.values as Float32Array)).toEqual([1, -2, 2 ** -24, Infinity]);
		expect(Array.from(file.tensors.get('b')!.values as Float32Array)).toEqual([1, -0.5]);
	});

	it('reads a Node Buffer that is a view into a larger pool', () => {
		const bytes = writeSafetensors([{ name: 'a', shape: [3], values: Float32Array.from([0.5, -1, 3]) }]);
		const pool = Buffer.alloc(bytes.byteLength + 13);
		pool.set(bytes, 13);
		const file = readSafetensors(pool.subarray(13));
		expect(Array.from(file.tensors.get('a')!.values as Float32Array)).toEqual([0.5, -1, 3]);
	});

	it('reads the small parity fixture', () => {
		const file = readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors'));
		expect(file.metadata.family).toBe('ghostnet');
		expect(file.tensors.size).toBe(512);
		expect(file.tensors.get('conv_stem.weight')).toMatchObject({ dtype: 'F32', shape: [4, 3, 3, 3] });
	});
});

describe('readSafetensors rejects bad files', () => {
	const ok = { t: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } };

	it('shorter than the length prefix', () => {
		expectError(new Uint8Array(5), 'truncated', 'header');
	});
	it('header length beyond the file (truncated file)', () => {
		const full = rawFile(ok, 8);
		expectError(full.subarray(0, 20), 'truncated', 'header');
	});
	it('header length over 100 MB', () => {
		const err = expectError(rawFile(ok, 8, 200 * 1024 * 1024), 'header-too-large', 'header');
		expect(err.found).toContain(String(200 * 1024 * 1024));
	});
	it('header length near 2^64 (no overflow, no hang)', () => {
		const bytes = rawFile(ok, 8);
		new DataView(bytes.buffer).setBigUint64(0, 2n ** 64n - 1n, true);
		expectError(bytes, 'header-too-large');
	});
	it('invalid JSON', () => {
		expectError(rawFile('{"t": {"dtype": "F32",', 8), 'bad-json');
	});
	it('JSON that is not an object', () => {
		expectError(rawFile('[1, 2]', 0), 'bad-json');
	});
	it('unknown dtype', () => {
		const err = expectError(
			rawFile({ t: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } }, 8),
			'unknown-dtype',
			't'
		);
		expect(err.found).toBe('F64');
	});
	it('bad shape', () => {
		expectError(rawFile({ t: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4), 'bad-entry', 't');
		expectError(rawFile({ t: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, 4), 'bad-entry', 't');
	});
	it('bad metadata', () => {
		expectError(rawFile({ __metadata__: { a: 1 }, ...ok }, 8), 'bad-entry', '__metadata__');
	});
	it('offsets out of range', () => {
		expectError(
			rawFile({ t: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, 8),
			'offset-out-of-range',
			't'
		);
		expectError(
			rawFile({ t: { dtype: 'F32', shape: [0], data_offsets: [8, 4] } }, 8),
			'offset-out-of-range',
			't'
		);
	});
	it('overlapping tensors', () => {
		const header = {
			a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
			b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] }
		};
		const err = expectError(rawFile(header, 12), 'overlap', 'b');
		expect(err.expected).toContain('a');
	});
	it('byte length that does not match shape × dtype size', () => {
		const err = expectError(
			rawFile({ t: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8),
			'byte-length',
			't'
		);
		expect(err.expected).toContain('12 bytes');
		expect(err.found).toBe('8 bytes');
	});
	it('a truncated real file', () => {
		const bytes = readFileSync('tests/fixtures/small/efficientnet_w0.25_d0.5.weights.safetensors');
		expectError(bytes.subarray(0, bytes.byteLength - 100), 'offset-out-of-range');
	});
});
