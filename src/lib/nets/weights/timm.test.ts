import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { efficientnet } from '../spec/efficientnet';
import { ghostnet } from '../spec/ghostnet';
import { timmStateDict } from '../spec/state-dict';
import type { NetSpec } from '../spec/types';
import {
	readSafetensors,
	readSafetensorsHeader,
	writeSafetensors,
	type SafetensorsFile
} from './safetensors';
import {
	checkpointFamily,
	checkTimmHeader,
	depthwiseToHwcm,
	mapTimmWeights,
	oihwToHwio,
	transpose2d,
	WeightMappingError
} from './timm';

const smallGhost = () =>
	readSafetensors(readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors'));
const smallEff = () =>
	readSafetensors(readFileSync('tests/fixtures/small/efficientnet_w0.25_d0.5.weights.safetensors'));
const ghostSpec = ghostnet({ width: 0.25, resolution: 64, numClasses: 10 });
const effSpec = efficientnet({ width: 0.25, depth: 0.5, resolution: 64, numClasses: 10 });

type Edit = (t: { name: string; shape: number[]; values: Float32Array | BigInt64Array }[]) => typeof t;

/** Rewrite a file through `edit` (a list of tensors) into bytes. */
function editedBytes(file: SafetensorsFile, edit: Edit, metadata = file.metadata) {
	const tensors = [...file.tensors.values()].map((t) => ({ name: t.name, shape: t.shape, values: t.values }));
	return writeSafetensors(edit(tensors), metadata);
}

/** Rewrite a file through `edit` and parse it again. */
const edited = (file: SafetensorsFile, edit: Edit, metadata = file.metadata) =>
	readSafetensors(editedBytes(file, edit, metadata));

/** Only the header of a file: the bytes up to where its data starts. */
function headerOnly(bytes: Uint8Array) {
	const end = 8 + Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
	return readSafetensorsHeader(bytes.subarray(0, end))!;
}

function mappingError(run: () => unknown): WeightMappingError {
	try {
		run();
	} catch (e) {
		expect(e).toBeInstanceOf(WeightMappingError);
		return e as WeightMappingError;
	}
	throw new Error('expected a WeightMappingError');
}

describe('layout conversions', () => {
	it('OIHW → HWIO', () => {
		const shape = [2, 3, 2, 2];
		const values = Float32Array.from({ length: 24 }, (_, i) => i);
		const out = oihwToHwio(values, shape);
		// element [o=1, i=2, y=0, x=1] = ((1·3 + 2)·2 + 0)·2 + 1 = 21 lands at HWIO [0, 1, 2, 1]
		expect(out[((0 * 2 + 1) * 3 + 2) * 2 + 1]).toBe(21);
	});
	it('depthwise [C·m, 1, k, k] → [k, k, C, m] keeps output channel c·m + j', () => {
		const values = Float32Array.from({ length: 6 * 9 }, (_, i) => i);
		const out = depthwiseToHwcm(values, [6, 1, 3, 3], 3);
		// PyTorch out channel 5 = (c 2, j 1), tap y 1 x 2 → 5·9 + 5 = 50; tfjs [1, 2, 2, 1]
		expect(out[((1 * 3 + 2) * 3 + 2) * 2 + 1]).toBe(50);
	});
	it('linear [out, in] → [in, out]', () => {
		expect(Array.from(transpose2d(Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]))).toEqual([
			1, 4, 2, 5, 3, 6
		]);
	});
});

describe('mapTimmWeights on the small fixtures', () => {
	it('maps every GhostNet tensor, ignoring num_batches_tracked', () => {
		const file = smallGhost();
		const mapped = mapTimmWeights(ghostSpec, file);
		expect(mapped.size).toBe(timmStateDict(ghostSpec).length);
		expect(
			[...file.tensors.keys()].filter((k) => !mapped.has(k)).every((k) => k.endsWith('num_batches_tracked'))
		).toBe(true);
		const stem = mapped.get('conv_stem.weight')!;
		expect(stem).toMatchObject({ layout: 'HWIO', shape: [3, 3, 3, 4] });
		const src = file.tensors.get('conv_stem.weight')!.values as Float32Array;
		expect(stem.values[((2 * 3 + 1) * 3 + 0) * 4 + 3]).toBe(src[((3 * 3 + 0) * 3 + 2) * 3 + 1]);
		expect(mapped.get('blocks.0.0.ghost1.cheap_operation.0.weight')).toMatchObject({
			layout: 'HWCM',
			shape: [3, 3, 2, 1]
		});
		expect(mapped.get('classifier.weight')).toMatchObject({ layout: 'IO', shape: [1280, 10] });
		expect(mapped.get('conv_head.weight')).toMatchObject({ layout: 'HWIO', shape: [1, 1, 240, 1280] });
	});

	it('maps every EfficientNet tensor', () => {
		const mapped = mapTimmWeights(effSpec, smallEff());
		expect(mapped.get('blocks.1.0.conv_dw.weight')).toMatchObject({ layout: 'HWCM', shape: [3, 3, 48, 1] });
		expect(mapped.get('bn2.running_var')).toMatchObject({ layout: 'C', shape: [320] });
	});

	it('does not need num_batches_tracked', () => {
		const file = edited(smallEff(), (t) => t.filter((x) => !x.name.endsWith('num_batches_tracked')));
		expect(mapTimmWeights(effSpec, file).size).toBe(timmStateDict(effSpec).length);
	});
});

describe('mapTimmWeights rejects mismatched checkpoints', () => {
	it('a GhostNet checkpoint given to EfficientNet (by metadata)', () => {
		const err = mappingError(() => mapTimmWeights(effSpec, smallGhost()));
		expect(err.code).toBe('family-mismatch');
		expect(err.message).toMatch(/ghostnet.*efficientnet/);
	});
	it('a GhostNet checkpoint given to EfficientNet (by key names, no metadata)', () => {
		const file = edited(smallGhost(), (t) => t, {});
		expect(mappingError(() => mapTimmWeights(efficientnet({ variant: 'b0' }), file)).code).toBe(
			'family-mismatch'
		);
	});
	it('an EfficientNet checkpoint given to GhostNet', () => {
		expect(
			mappingError(() =>
				mapTimmWeights(
					ghostSpec,
					edited(smallEff(), (t) => t, {})
				)
			).code
		).toBe('family-mismatch');
	});
	it('missing and unexpected keys, by name', () => {
		const file = edited(smallGhost(), (t) => [
			...t.filter((x) => x.name !== 'blocks.3.0.se.conv_reduce.bias'),
			{ name: 'extra.weight', shape: [1], values: new Float32Array(1) }
		]);
		const err = mappingError(() => mapTimmWeights(ghostSpec, file));
		expect(err.code).toBe('keys');
		expect(err.missing).toEqual(['blocks.3.0.se.conv_reduce.bias']);
		expect(err.unexpected).toEqual(['extra.weight']);
		expect(err.message).toContain('blocks.3.0.se.conv_reduce.bias');
	});
	it('a checkpoint of another width: wrong shapes, naming key, expected and found', () => {
		const err = mappingError(() => mapTimmWeights(ghostnet({ width: 0.5, numClasses: 10 }), smallGhost()));
		expect(err.code).toBe('shape');
		expect([err.key, err.expected, err.found]).toEqual(['conv_stem.weight', '[8, 3, 3, 3]', '[4, 3, 3, 3]']);
		expect(err.mismatched.length).toBeGreaterThan(10);
	});
	it('a different class count', () => {
		const err = mappingError(() => mapTimmWeights(ghostnet({ width: 0.25, numClasses: 1000 }), smallGhost()));
		expect(err.mismatched.map((m) => m.key)).toEqual(['classifier.weight', 'classifier.bias']);
	});
	it('checks counters like every other tensor: only of a BatchNorm of the spec, I64 scalars', () => {
		const counter = 'bn1.num_batches_tracked';
		const stray = edited(smallGhost(), (t) => [
			...t,
			{ name: 'conv_stem.num_batches_tracked', shape: [], values: new BigInt64Array(1) }
		]);
		const keys = mappingError(() => mapTimmWeights(ghostSpec, stray));
		expect([keys.code, keys.unexpected]).toEqual(['keys', ['conv_stem.num_batches_tracked']]);
		// A counter declared as 3 GB, shown here at a size a test can write: any shape but [] is refused.
		const huge = edited(smallGhost(), (t) =>
			t.map((x) => (x.name === counter ? { ...x, shape: [4], values: new BigInt64Array(4) } : x))
		);
		const shape = mappingError(() => mapTimmWeights(ghostSpec, huge));
		expect([shape.code, shape.key, shape.expected, shape.found]).toEqual(['shape', counter, '[]', '[4]']);
		const float = edited(smallGhost(), (t) =>
			t.map((x) => (x.name === counter ? { ...x, values: new Float32Array(1) } : x))
		);
		const dtype = mappingError(() => mapTimmWeights(ghostSpec, float));
		expect([dtype.code, dtype.key, dtype.found]).toEqual(['dtype', counter, 'F32']);
	});
	it('an integer tensor where a float is expected', () => {
		const file = edited(smallGhost(), (t) =>
			t.map((x) => (x.name === 'bn1.bias' ? { ...x, values: new BigInt64Array(x.shape[0]) } : x))
		);
		const err = mappingError(() => mapTimmWeights(ghostSpec, file));
		expect([err.code, err.key, err.found]).toEqual(['dtype', 'bn1.bias', 'I64']);
	});
});

describe('checkTimmHeader: the same checks on the header alone', () => {
	const ghostBytes = () => readFileSync('tests/fixtures/small/ghostnet_w0.25.weights.safetensors');
	const identity: Edit = (t) => t;

	it('accepts the header of a matching checkpoint, and checkpointFamily reads a header', () => {
		const header = headerOnly(ghostBytes());
		expect(header.entries.length).toBe(512);
		expect(() => checkTimmHeader(ghostSpec, header)).not.toThrow();
		expect(checkpointFamily(header)).toBe('ghostnet');
		const unlabelled = headerOnly(editedBytes(smallEff(), identity, {}));
		expect(checkpointFamily(unlabelled)).toBe('efficientnet');
		expect(() => checkTimmHeader(effSpec, unlabelled)).not.toThrow();
	});

	it.each<[string, NetSpec, () => Uint8Array]>([
		['another family', effSpec, ghostBytes],
		['another family, by key names', effSpec, () => editedBytes(smallGhost(), identity, {})],
		['another width (shapes)', ghostnet({ width: 0.5, numClasses: 10 }), ghostBytes],
		['another class count (shapes)', ghostnet({ width: 0.25, numClasses: 1000 }), ghostBytes],
		[
			'missing and unexpected keys',
			ghostSpec,
			() =>
				editedBytes(smallGhost(), (t) => [
					...t.filter((x) => x.name !== 'blocks.3.0.se.conv_reduce.bias'),
					{ name: 'extra.weight', shape: [1], values: new Float32Array(1) }
				])
		],
		[
			'an integer tensor where a float is expected',
			ghostSpec,
			() =>
				editedBytes(smallGhost(), (t) =>
					t.map((x) => (x.name === 'bn1.bias' ? { ...x, values: new BigInt64Array(x.shape[0]) } : x))
				)
		]
	])('rejects %s with the error the full mapping gives', (_, spec, bytes) => {
		const file = bytes();
		const early = mappingError(() => checkTimmHeader(spec, headerOnly(file)));
		const late = mappingError(() => mapTimmWeights(spec, readSafetensors(file)));
		const fields = (e: WeightMappingError) => ({
			code: e.code,
			key: e.key,
			expected: e.expected,
			found: e.found,
			missing: e.missing,
			unexpected: e.unexpected,
			mismatched: e.mismatched,
			message: e.message
		});
		expect(fields(early)).toEqual(fields(late));
	});

	it('names missing keys and expected vs found shapes from the header', () => {
		const bytes = editedBytes(smallGhost(), (t) => t.filter((x) => x.name !== 'conv_head.weight'));
		expect(mappingError(() => checkTimmHeader(ghostSpec, headerOnly(bytes))).missing).toEqual([
			'conv_head.weight'
		]);
		const wide = mappingError(() =>
			checkTimmHeader(ghostnet({ width: 0.5, numClasses: 10 }), headerOnly(ghostBytes()))
		);
		expect([wide.code, wide.key, wide.expected, wide.found]).toEqual([
			'shape',
			'conv_stem.weight',
			'[8, 3, 3, 3]',
			'[4, 3, 3, 3]'
		]);
	});
});
