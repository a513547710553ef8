/**
 * Sample images (pure): the manifests `static/samples/samples.json` (ImageNet photos) and
 * `static/samples/fmnist/samples.json` (Fashion-MNIST test images) → what the picker shows.
 * Both are `{ samples: [{ id, file, caption?: { en, zh }, label?: number }] }`; `label` is the true
 * class of a test image, shown in the label table's language.
 */
import type { Localized } from '$lib/content/i18n';
import type { DatasetId } from '../models';

export interface Sample {
	id: string;
	url: string;
	caption: Localized<string> | null;
	/** True class (Fashion-MNIST test images). */
	label: number | null;
}

export const SAMPLE_MANIFESTS: Record<DatasetId, string> = {
	imagenet: '/samples/samples.json',
	fmnist: '/samples/fmnist/samples.json'
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
// A plain file name (no directories, no scheme): the manifest cannot point the page elsewhere.
const isFileName = (v: unknown): v is string =>
	typeof v === 'string' && /^[\w.-]+\.(jpe?g|png|webp)$/i.test(v);

function captionOf(value: unknown): Localized<string> | null {
	if (!isObject(value) || typeof value.en !== 'string' || typeof value.zh !== 'string') return null;
	return { en: value.en, zh: value.zh };
}

/** The valid entries of a manifest at `manifestUrl` (entries without a plain file name are skipped). */
export function parseSamples(json: unknown, manifestUrl: string): Sample[] {
	const list = isObject(json) && Array.isArray(json.samples) ? json.samples : [];
	const dir = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
	return list.filter(isObject).flatMap((entry): Sample[] => {
		if (!isFileName(entry.file)) return [];
		const id = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : entry.file;
		const label = Number.isInteger(entry.label) ? (entry.label as number) : null;
		return [{ id, url: dir + entry.file, caption: captionOf(entry.caption), label }];
	});
}

/** The first sample of each class in manifest order (Fashion-MNIST), or the first `count` unlabelled ones. */
export function featuredSamples(samples: readonly Sample[], count = 10): Sample[] {
	if (samples.every((s) => s.label === null)) return samples.slice(0, count);
	const seen = new Set<number>();
	return samples.filter((s) => s.label !== null && !seen.has(s.label) && seen.add(s.label)).slice(0, count);
}
