/**
 * Parity check against timm reference outputs (fixture format: ../shared/fixtures/README.md).
 *
 *   npm run parity -- <weights.safetensors> <io.safetensors>
 *
 * Builds the network named by the checkpoint metadata (family, width/depth multipliers, classes,
 * resolution, and for GhostNet the ghost ratio and module kind when present) on the tfjs CPU backend, feeds the fixture's NCHW input, and prints the max absolute
 * difference of every tap and of the logits. Exits 1 outside the tolerances (logits ≤ 1e-4 absolute;
 * each tap ≤ 1e-3 of its own largest absolute value), 2 on unusable input.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadNetwork } from '../src/lib/nets/build';
import { efficientnet } from '../src/lib/nets/spec/efficientnet';
import { ghostnet } from '../src/lib/nets/spec/ghostnet';
import type { NetSpec } from '../src/lib/nets/spec/types';
import { readSafetensors, type SafetensorsFile } from '../src/lib/nets/weights/safetensors';

export const LOGITS_TOLERANCE = 1e-4;
export const TAP_RELATIVE_TOLERANCE = 1e-3;

export interface ParityRow {
	name: string;
	shape: number[];
	maxAbsDiff: number;
	maxAbsReference: number;
	/** The allowed max abs difference. */
	tolerance: number;
	ok: boolean;
}

export interface ParityReport {
	spec: string;
	rows: ParityRow[];
	ok: boolean;
}

function metaNumber(meta: Record<string, string>, key: string, fallback?: number): number {
	const raw = meta[key];
	if (raw === undefined && fallback !== undefined) return fallback;
	const value = Number(raw);
	if (raw === undefined || !Number.isFinite(value))
		throw new Error(`checkpoint metadata: ${key} missing or not a number (${raw})`);
	return value;
}

/**
 * Ghost ratio s and module kind as scripts/train/export.py writes them (`ghost_ratio`, `module_kind`), so
 * the reproduction's s = 3, s = 4 and ordinary-conv networks build as trained; absent in timm's
 * checkpoints, which are all s = 2 Ghost modules.
 */
function ghostOptions(meta: Record<string, string>): { ghostRatio?: number; moduleKind?: 'ghost' | 'conv' } {
	const kind = meta.module_kind;
	if (kind !== undefined && kind !== 'ghost' && kind !== 'conv')
		throw new Error(`checkpoint metadata: module_kind must be ghost or conv (${kind})`);
	return {
		...(meta.ghost_ratio !== undefined && { ghostRatio: metaNumber(meta, 'ghost_ratio') }),
		...(kind !== undefined && { moduleKind: kind })
	};
}

/** The spec a fixture's metadata names. */
export function specFromMetadata(meta: Record<string, string>): NetSpec {
	const resolution = metaNumber(meta, 'resolution');
	const numClasses = metaNumber(meta, 'num_classes');
	const width = metaNumber(meta, 'width_multiplier');
	if (meta.family === 'efficientnet') {
		return efficientnet({ width, depth: metaNumber(meta, 'depth_multiplier', 1), resolution, numClasses });
	}
	if (meta.family === 'ghostnet') return ghostnet({ width, resolution, numClasses, ...ghostOptions(meta) });
	throw new Error(`checkpoint metadata: unknown family ${meta.family}`);
}

function floats(file: SafetensorsFile, name: string): { shape: number[]; values: Float32Array } {
	const t = file.tensors.get(name);
	if (!t || !(t.values instanceof Float32Array)) throw new Error(`io file: float tensor ${name} missing`);
	return { shape: t.shape, values: t.values };
}

function compare(
	name: string,
	ours: tf.Tensor,
	reference: { shape: number[]; values: Float32Array },
	isLogits: boolean
): ParityRow {
	const nchw = ours.rank === 4 ? tf.tidy(() => tf.transpose(ours, [0, 3, 1, 2])) : ours;
	const shape = nchw.shape;
	const values = nchw.dataSync();
	if (nchw !== ours) nchw.dispose();
	if (shape.join() !== reference.shape.join()) {
		throw new Error(
			`${name}: our shape [${shape.join(', ')}] differs from the reference [${reference.shape.join(', ')}]`
		);
	}
	let maxAbsDiff = 0;
	let maxAbsReference = 0;
	for (let i = 0; i < values.length; i++) {
		maxAbsDiff = Math.max(maxAbsDiff, Math.abs(values[i] - reference.values[i]));
		maxAbsReference = Math.max(maxAbsReference, Math.abs(reference.values[i]));
	}
	const tolerance = isLogits ? LOGITS_TOLERANCE : TAP_RELATIVE_TOLERANCE * maxAbsReference;
	return {
		name,
		shape: reference.shape,
		maxAbsDiff,
		maxAbsReference,
		tolerance,
		ok: maxAbsDiff <= tolerance
	};
}

/** Run one fixture pair; all tensors are disposed before returning. */
export function runParity(weightsBytes: Uint8Array, ioBytes: Uint8Array): ParityReport {
	const weights = readSafetensors(weightsBytes);
	const io = readSafetensors(ioBytes);
	const spec = specFromMetadata(weights.metadata);
	const tapKeys = [...io.tensors.keys()].filter((k) => k.startsWith('tap.') || k === 'features');
	const tapName = (key: string) => key.replace(/^tap\./, '');
	const net = loadNetwork(spec, weights);
	try {
		const input = floats(io, 'input');
		const x = tf.tidy(() =>
			tf.transpose(tf.tensor4d(input.values, input.shape as [number, number, number, number]), [0, 2, 3, 1])
		);
		const result = net.infer(x as tf.Tensor4D, { taps: tapKeys.map(tapName) });
		try {
			const rows = tapKeys.map((key) =>
				compare(tapName(key), result.taps[tapName(key)], floats(io, key), false)
			);
			rows.push(compare('logits', result.logits, floats(io, 'logits'), true));
			return { spec: spec.name, rows, ok: rows.every((r) => r.ok) };
		} finally {
			tf.dispose([x, result.logits, ...Object.values(result.taps)]);
		}
	} finally {
		net.dispose();
	}
}

export function formatReport(report: ParityReport): string {
	const lines = [`${report.spec}: ${report.ok ? 'PASS' : 'FAIL'}`];
	for (const r of report.rows) {
		const cells = [
			r.name.padEnd(12),
			`[${r.shape.join(',')}]`.padEnd(18),
			`max|diff| ${r.maxAbsDiff.toExponential(3)}`
		];
		cells.push(
			`max|ref| ${r.maxAbsReference.toExponential(3)}`,
			`tol ${r.tolerance.toExponential(3)}`,
			r.ok ? 'ok' : 'FAIL'
		);
		lines.push('  ' + cells.join('  '));
	}
	return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
	if (args.length !== 2) {
		console.error('usage: npm run parity -- <weights.safetensors> <io.safetensors>');
		return 2;
	}
	await tf.setBackend('cpu');
	await tf.ready();
	try {
		const report = runParity(readFileSync(args[0]), readFileSync(args[1]));
		console.log(formatReport(report));
		return report.ok ? 0 : 1;
	} catch (e) {
		console.error(`parity: ${(e as Error).name}: ${(e as Error).message}`);
		return 2;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
