/**
 * ImageNet-1k class labels (pure). The tables live in `static/labels/imagenet-1k.<lang>.json` as
 * `{ source, note, labels }` and are fetched at runtime, never bundled: `labels[i]` names logit `i`.
 * The English names are torchvision's; the Chinese ones are index-aligned translations (see the
 * files' `note` for how the ambiguous names were resolved).
 */
import type { Language } from '../content/languages';

export const IMAGENET_CLASS_COUNT = 1000;

/** Where the site serves the label table for a language (a path under `static/`). */
export function labelTableUrl(language: Language): string {
	return `/labels/imagenet-1k.${language}.json`;
}

export type LabelTableErrorCode = 'not-an-object' | 'missing-labels' | 'wrong-count' | 'bad-label';

/** A label table that does not have the expected shape; `index` names the offending label, if any. */
export class LabelTableError extends Error {
	readonly code: LabelTableErrorCode;
	readonly index: number | undefined;
	constructor(code: LabelTableErrorCode, message: string, index?: number) {
		super(`label table ${code}: ${message}`);
		this.name = 'LabelTableError';
		this.code = code;
		this.index = index;
	}
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `an array of length ${value.length}`;
	if (typeof value === 'string') return JSON.stringify(value);
	return `a ${typeof value}`;
}

/**
 * Checks a parsed label-table document and returns its labels: an object whose `labels` is an array of
 * exactly `expectedCount` non-blank strings. Throws a LabelTableError otherwise.
 */
export function parseLabelTable(json: unknown, expectedCount: number): string[] {
	if (!Number.isInteger(expectedCount) || expectedCount <= 0) {
		throw new RangeError(`expectedCount must be a positive integer, got ${expectedCount}`);
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		throw new LabelTableError(
			'not-an-object',
			`expected an object with a labels array, found ${describe(json)}`
		);
	}
	const labels: unknown = (json as Record<string, unknown>).labels;
	if (!Array.isArray(labels)) {
		throw new LabelTableError('missing-labels', `expected labels to be an array, found ${describe(labels)}`);
	}
	if (labels.length !== expectedCount) {
		throw new LabelTableError('wrong-count', `expected ${expectedCount} labels, found ${labels.length}`);
	}
	labels.forEach((label: unknown, index) => {
		if (typeof label !== 'string' || label.trim() === '') {
			const found = describe(label);
			throw new LabelTableError(
				'bad-label',
				`label ${index} must be a non-empty string, found ${found}`,
				index
			);
		}
	});
	return labels as string[];
}

export interface ClassScore {
	index: number;
	probability: number;
}

/**
 * The `k` highest entries, highest first; equal values keep index order. NaN entries are skipped, so
 * the result may be shorter than `k`, and is never longer than the input.
 */
export function topK(probabilities: ArrayLike<number>, k: number): ClassScore[] {
	if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
	const scores: ClassScore[] = [];
	for (let index = 0; index < probabilities.length; index++) {
		const probability = probabilities[index];
		if (!Number.isNaN(probability)) scores.push({ index, probability });
	}
	// Compare without subtracting: Infinity - Infinity is NaN, which would break the sort.
	scores.sort((a, b) =>
		a.probability === b.probability ? a.index - b.index : a.probability > b.probability ? -1 : 1
	);
	return scores.slice(0, k);
}
