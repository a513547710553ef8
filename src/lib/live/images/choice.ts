/**
 * The image a live part runs on, however the reader chose it: a sample (fetched), a file they picked,
 * dropped or pasted, or a camera photo. Each becomes an `ImageChoice` whose Blob goes to the runtime
 * as is (decoding happens in the runtime's worker); `checkImage` refuses what cannot or should not be
 * decoded before anything is sent.
 */
import type { DatasetId } from '../models';
import { checkImageFile, type InputErrorCode } from './image-input';
import { imageFormat, tooManyPixels } from './image-size';
import { parseSamples, SAMPLE_MANIFESTS, type Sample } from './samples';

export interface ImageChoice {
	/** Identifies the image for the runtime's cache: sample id, file name + size + date, photo number. */
	key: string;
	blob: Blob;
	/** Alt text / caption. */
	label: string;
	/** The data set of a sample; null for the reader's own images (they suit every model). */
	dataset: DatasetId | null;
	sampleId: string | null;
	/** What the picker shows: the sample's URL or an object URL of the reader's image. */
	url: string;
	/** `url` is an object URL that its owner must revoke. */
	owned: boolean;
}

/**
 * Null when `file` may be decoded, else why not: its type or name (or, when they say nothing, its
 * first bytes), its byte size, and the pixel count its header announces, wherever the header sits
 * (the whole file is read: it is at most MAX_IMAGE_BYTES, and the runtime reads it anyway).
 */
export async function checkImage(file: File): Promise<InputErrorCode | null> {
	const verdict = checkImageFile(file);
	if (verdict !== null && verdict !== 'sniff') return verdict;
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await file.arrayBuffer());
	} catch {
		// Unreadable here: decoding will say what is wrong, if it is an image at all.
		return verdict === 'sniff' ? 'not-an-image' : null;
	}
	if (verdict === 'sniff' && !imageFormat(bytes)) return 'not-an-image';
	return tooManyPixels(bytes) ? 'too-many-pixels' : null;
}

/** A file the reader picked, dropped or pasted (check it first); its object URL is the choice's to revoke. */
export function fileChoice(file: File): ImageChoice {
	const key = `file:${file.name}:${file.size}:${file.lastModified}`;
	const url = URL.createObjectURL(file);
	return { key, blob: file, label: file.name, dataset: null, sampleId: null, url, owned: true };
}

let photos = 0;

/** A camera photo. */
export function photoChoice(photo: Blob, label = ''): ImageChoice {
	const url = URL.createObjectURL(photo);
	return { key: `camera:${++photos}`, blob: photo, label, dataset: null, sampleId: null, url, owned: true };
}

/** Revokes the object URL of a choice that owns one. */
export function release(choice: ImageChoice | null): void {
	if (choice?.owned) URL.revokeObjectURL(choice.url);
}

async function ok(response: Response, url: string): Promise<Response> {
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response;
}

/** The samples of a data set (throws when the manifest cannot be fetched or lists none). */
export async function sampleList(dataset: DatasetId, fetchImpl: typeof fetch = fetch): Promise<Sample[]> {
	const url = SAMPLE_MANIFESTS[dataset];
	const list = parseSamples(await (await ok(await fetchImpl(url), url)).json(), url);
	if (!list.length) throw new Error(`${url}: no samples`);
	return list;
}

/** A sample's image as a choice. */
export async function sampleChoice(
	sample: Sample,
	dataset: DatasetId,
	label = sample.id,
	fetchImpl: typeof fetch = fetch
): Promise<ImageChoice> {
	const blob = await (await ok(await fetchImpl(sample.url), sample.url)).blob();
	const key = `sample:${dataset}:${sample.id}`;
	return { key, blob, label, dataset, sampleId: sample.id, url: sample.url, owned: false };
}
