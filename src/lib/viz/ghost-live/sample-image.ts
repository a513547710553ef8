/**
 * The image the live parts start with before the reader picks one: the first sample of the model's
 * data set (the classifier's sample manifests), so the maps appear without any click.
 */
import { parseSamples, SAMPLE_MANIFESTS } from '$lib/viz/classifier/samples';
import type { DatasetId } from '$lib/viz/classifier/models';
import type { ImageChoice } from './net-runner';

export async function firstSample(dataset: DatasetId, fetchImpl: typeof fetch = fetch): Promise<ImageChoice> {
	const manifestUrl = SAMPLE_MANIFESTS[dataset];
	const response = await fetchImpl(manifestUrl);
	if (!response.ok) throw new Error(`${manifestUrl}: HTTP ${response.status}`);
	const [sample] = parseSamples(await response.json(), manifestUrl);
	if (!sample) throw new Error(`${manifestUrl}: no samples`);
	const image = await fetchImpl(sample.url);
	if (!image.ok) throw new Error(`${sample.url}: HTTP ${image.status}`);
	return {
		key: `sample:${dataset}:${sample.id}`,
		source: await image.blob(),
		label: sample.caption?.en ?? sample.id
	};
}
