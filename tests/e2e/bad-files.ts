/**
 * Bad weight files made on the fly from the fixtures or from nothing (Node), for the browser tests of
 * bad input (issue 17): written byte by byte, so that they are exactly what a reader or a server might
 * hand the page, not what our own writer would produce.
 */

interface Entry {
	dtype: string;
	shape: number[];
	data_offsets: [number, number];
}

/** A safetensors file from a header object and its data section. */
export function safetensorsBytes(header: Record<string, unknown>, data: Uint8Array = new Uint8Array(0)) {
	const json = Buffer.from(JSON.stringify(header), 'utf8');
	const out = Buffer.alloc(8 + json.length + data.length);
	out.writeBigUInt64LE(BigInt(json.length), 0);
	json.copy(out, 8);
	out.set(data, 8 + json.length);
	return out;
}

function parse(file: Uint8Array) {
	const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
	const length = Number(buffer.readBigUInt64LE(0));
	const header = JSON.parse(buffer.subarray(8, 8 + length).toString('utf8')) as Record<string, Entry>;
	return { header, data: buffer.subarray(8 + length) };
}

/** The file with one value of a float32 tensor set to NaN (a single NaN in `classifier.bias`). */
export function withNaN(file: Uint8Array, key = 'classifier.bias', index = 3): Buffer {
	const { header, data } = parse(file);
	const copy = Buffer.from(data);
	copy.writeFloatLE(NaN, header[key].data_offsets[0] + 4 * index);
	return safetensorsBytes(header, copy);
}

/**
 * The file with its `counter` (a BatchNorm's num_batches_tracked) declared as an I64 tensor of `bytes`
 * bytes at the end of the data: the header is valid, the data the file really holds is unchanged.
 */
export function withDeclaredCounter(file: Uint8Array, counter: string, bytes = 3e9): Buffer {
	const { header, data } = parse(file);
	const kept = Object.entries(header)
		.filter(([name]) => name !== counter && name !== '__metadata__')
		.sort(([, a], [, b]) => a.data_offsets[0] - b.data_offsets[0]);
	const out: Record<string, unknown> = header.__metadata__ ? { __metadata__: header.__metadata__ } : {};
	const parts: Uint8Array[] = [];
	let at = 0;
	for (const [name, entry] of kept) {
		const [begin, end] = entry.data_offsets;
		parts.push(data.subarray(begin, end));
		out[name] = { ...entry, data_offsets: [at, at + end - begin] };
		at += end - begin;
	}
	out[counter] = { dtype: 'I64', shape: [bytes / 8], data_offsets: [at, at + bytes] };
	return safetensorsBytes(out, Buffer.concat(parts));
}

/** A small valid safetensors file of one tensor in `dtype` (F64, I8, …). */
export function oneTensor(dtype: string, bytesPerValue: number): Buffer {
	const data = new Uint8Array(4 * bytesPerValue);
	return safetensorsBytes({ 'classifier.bias': { dtype, shape: [4], data_offsets: [0, data.length] } }, data);
}
