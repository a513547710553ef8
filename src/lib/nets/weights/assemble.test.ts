import { describe, expect, it } from 'vitest';
import { BodyAssembler, checkHeader, sniffHeader } from './assemble';
import { writeSafetensors } from './safetensors';
import { WeightsError } from './errors';

const file = writeSafetensors(
	[
		{ name: 'a', shape: [3], values: Float32Array.from([1, 2, 3]) },
		{ name: 'n', shape: [], values: new BigInt64Array([7n]) }
	],
	{ format: 'pt' }
);

function code(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(WeightsError);
		return (error as WeightsError).code;
	}
	return 'none';
}

describe('BodyAssembler', () => {
	it.each([1, 5, 9, 64, file.length])('collects the same file from chunks of %i bytes', (size) => {
		const headers: string[][] = [];
		const body = new BodyAssembler(file.length, (h) => headers.push(h.names));
		for (let at = 0; at < file.length; at += size) body.push(file.slice(at, at + size));
		expect(body.finish()).toEqual(file);
		expect(headers).toEqual([['a', 'n']]);
		expect(body.total).toBe(file.length);
	});

	it('refuses a header longer than the known size after 9 bytes, before collecting it', () => {
		const body = new BodyAssembler(file.length - 40, () => {});
		expect(code(() => body.push(file.slice(0, 9)))).toBe('exceeds-file');
	});

	it('says where a file ends too early: inside its header, or in its data', () => {
		const inHeader = new BodyAssembler(null, () => {});
		inHeader.push(file.slice(0, 20));
		expect(code(() => inHeader.finish())).toBe('truncated');
		const inData = new BodyAssembler(null, () => {});
		inData.push(file.slice(0, file.length - 1));
		expect(code(() => inData.finish())).toBe('truncated');
	});
});

describe('checkHeader', () => {
	const header = sniffHeader(file)!;
	it('passes a valid header, with or without a known size', () => {
		expect(code(() => checkHeader(header, file.length))).toBe('none');
		expect(code(() => checkHeader(header, null))).toBe('none');
	});
	it('refuses more declared bytes than the file has, no tensors, and dtypes we do not decode', () => {
		expect(code(() => checkHeader(header, file.length - 1))).toBe('exceeds-file');
		expect(code(() => checkHeader({ ...header, entries: [] }, null))).toBe('no-tensors');
		const f64 = { ...header, entries: [{ ...header.entries[0], dtype: 'F64' as const }] };
		expect(code(() => checkHeader(f64, null))).toBe('unsupported-dtype');
	});
});
