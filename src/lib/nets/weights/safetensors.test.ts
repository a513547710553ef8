import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	readSafetensors,
	readSafetensorsHeader,
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

function expectError(
	bytes: Uint8Array,
	code: SafetensorsErrorCode,
	key?: string,
	read: (bytes: Uint8Array) => unknown = readSafetensors
): SafetensorsError {
	try {
		read(bytes);
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
			h: { dtype: 'F16', shape: [4], data_offsets: [0, 8] },
			b: { dtype: 'BF16', shape: [2], data_offsets: [8, 12] }
		};
		// A header of odd length, so that the data section starts at an odd byte of the buffer.
		const json = JSON.stringify(header);
		const bytes = rawFile(json.length % 2 ? json : `${json} `, 12);
		expect((bytes.byteLength - 12) % 2).toBe(1);
		const data = new DataView(bytes.buffer, bytes.byteLength - 12);
		f16.forEach((v, i) => data.setUint16(2 * i, v, true));
		bf16.forEach((v, i) => data.setUint16(8 + 2 * i, v, true));
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
			rawFile({ t: { dtype: 'F128', shape: [1], data_offsets: [0, 16] } }, 16),
			'unknown-dtype',
			't'
		);
		expect(err.found).toBe('F128');
	});
	it.each([
		['F64', 8],
		['I8', 1],
		['U8', 1],
		['I32', 4]
	])('a valid %s file: its header reads, its data is refused as unsupported-dtype', (dtype, size) => {
		const file = rawFile({ t: { dtype, shape: [2], data_offsets: [0, 2 * size] } }, 2 * size);
		expect(readSafetensorsHeader(file)?.entries[0]).toMatchObject({ name: 't', dtype, shape: [2] });
		const err = expectError(file, 'unsupported-dtype', 't');
		expect(err.found).toBe(dtype);
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
			rawFile({ t: { dtype: 'F32', shape: [3], data_offsets: [0, 12] } }, 8),
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
	it('a hole in the data: a tensor after the start, or after a gap', () => {
		expectError(rawFile({ t: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, 12), 'hole', 't');
		const header = {
			a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
			// A counter declared 3 GB into the data: a hole, refused from the header.
			b: { dtype: 'I64', shape: [1], data_offsets: [3e9, 3e9 + 8] }
		};
		const err = expectError(rawFile(header, 4), 'hole', 'b', readSafetensorsHeader);
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

	it('a header that does not start with {, or is not UTF-8', () => {
		expectError(rawFile(' {"t": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}', 8), 'bad-json');
		const bytes = rawFile('{"\u00e9": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0]}}', 0);
		expect(readSafetensors(bytes).tensors.has('\u00e9')).toBe(true);
		bytes[11] = 0xff; // inside the two-byte UTF-8 sequence of é
		expectError(bytes, 'bad-json');
	});
});

const GHOST_FIXTURE = 'tests/fixtures/small/ghostnet_w0.25.weights.safetensors';

/** 8 + N, read straight from the length prefix. */
const headerEnd = (bytes: Uint8Array) =>
	8 + Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));

describe('readSafetensorsHeader', () => {
	it('is null until all 8 + N header bytes are in, then matches the full parse', () => {
		const bytes = readFileSync(GHOST_FIXTURE);
		const end = headerEnd(bytes);
		for (const n of [0, 7, 8, 9, 1000, end - 1])
			expect(readSafetensorsHeader(bytes.subarray(0, n))).toBeNull();
		const header = readSafetensorsHeader(bytes.subarray(0, end))!;
		expect(header).not.toBeNull();
		expect(header.dataStart).toBe(end);
		expect(header.dataStart + header.dataBytes).toBe(bytes.byteLength);

		const file = readSafetensors(bytes);
		expect(header.metadata).toEqual(file.metadata);
		const described = (t: { name: string; dtype: string; shape: number[] }) => [t.name, t.dtype, t.shape];
		expect(header.entries.map(described)).toEqual([...file.tensors.values()].map(described));
		const stem = header.entries.find((e) => e.name === 'conv_stem.weight')!;
		const raw = new Uint8Array(bytes.subarray(end + stem.begin, end + stem.end)); // a copy, aligned
		expect(new Float32Array(raw.buffer)).toEqual(file.tensors.get('conv_stem.weight')!.values);
		expect(readSafetensorsHeader(bytes)).toEqual(header);
	});

	it('accepts an ArrayBuffer and a file whose data has not arrived', () => {
		const bytes = writeSafetensors([{ name: 'a', shape: [2], values: Float32Array.from([1, 2]) }], {
			k: 'v'
		});
		const end = headerEnd(bytes);
		expect(readSafetensorsHeader(bytes.slice(0, end).buffer)).toEqual({
			dataStart: end,
			dataBytes: 8,
			metadata: { k: 'v' },
			entries: [{ name: 'a', dtype: 'F32', shape: [2], begin: 0, end: 8 }]
		});
		// The same bytes are a truncated file for the full reader.
		expectError(bytes.subarray(0, end), 'offset-out-of-range', 'a');
	});

	it('refuses a too-large declared length after 8 bytes, and a first header byte other than { after 9', () => {
		const huge = new Uint8Array(8);
		new DataView(huge.buffer).setBigUint64(0, 2n ** 40n, true);
		expectError(huge, 'header-too-large', 'header', readSafetensorsHeader);
		const html = new TextEncoder().encode('<!doctype html><html>');
		expectError(html.subarray(0, 8), 'header-too-large', 'header', readSafetensorsHeader);
		const notJson = rawFile('x'.repeat(1000), 0).subarray(0, 9);
		expectError(notJson, 'bad-json', 'header', readSafetensorsHeader);
	});

	it.each<[string, unknown, SafetensorsErrorCode]>([
		['invalid JSON', '{"t": 1', 'bad-json'],
		['unknown dtype', { t: { dtype: 'F128', shape: [1], data_offsets: [0, 16] } }, 'unknown-dtype'],
		['a hole', { t: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, 'hole'],
		[
			'a prototype key as dtype',
			{ t: { dtype: 'toString', shape: [1], data_offsets: [0, 8] } },
			'unknown-dtype'
		],
		['a bad shape', { t: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 'bad-entry'],
		['begin after end', { t: { dtype: 'F32', shape: [0], data_offsets: [8, 4] } }, 'offset-out-of-range'],
		['a byte length off the shape', { t: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 'byte-length'],
		[
			'overlapping tensors',
			{
				a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
				b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] }
			},
			'overlap'
		]
	])('rejects %s from the header alone, as the full reader does', (_, header, code) => {
		const full = rawFile(header, 12);
		const headerOnly = full.subarray(0, headerEnd(full));
		const early = expectError(headerOnly, code, undefined, readSafetensorsHeader);
		const late = expectError(full, code);
		expect([early.key, early.expected, early.found]).toEqual([late.key, late.expected, late.found]);
	});
});
