/**
 * Sample images for the live parts, from the classifier's sample manifests: the list shown in the
 * image picker, and a sample fetched as an image choice. Before the reader picks anything, the parts
 * run on the first sample of the model's data set, so the maps appear without a click.
 */
import { parseSamples, SAMPLE_MANIFESTS, type Sample } from '$lib/viz/classifier/samples';
import type { DatasetId } from '$lib/viz/classifier/models';
import type { ImageChoice } from './net-runner';

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

/** A sample's image as the choice the live parts run on. */
export async function sampleChoice(
	sample: Sample,
	dataset: DatasetId,
	fetchImpl: typeof fetch = fetch
): Promise<ImageChoice> {
	const blob = await (await ok(await fetchImpl(sample.url), sample.url)).blob();
	return { key: `sample:${dataset}:${sample.id}`, source: blob, label: sample.id, dataset, url: sample.url };
}
