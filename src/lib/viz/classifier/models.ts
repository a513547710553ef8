/**
 * The two model sets the classifier runs (pure): the ImageNet checkpoints from the hub (the catalog
 * of `$lib/nets/weights/catalog`) and our own Fashion-MNIST models bundled with the site (the
 * training helper's `static/weights/fmnist-models.json`, read at runtime). Both networks of a set
 * share one preprocessing config, so they always see the same input tensor.
 */
import type { Language } from '$lib/content/languages';
import { cost } from '$lib/nets/cost';
import { efficientnet, ghostnet, type Family, type NetSpec } from '$lib/nets/spec/index';
import { CHECKPOINTS, type CheckpointEntry } from '$lib/nets/weights/catalog';
import { imagenetEvalConfig, type Rgb } from '$lib/nets/preprocess';
import type { InputConfig } from './input-config';

export type DatasetId = 'imagenet' | 'fmnist';
export type LabelTableId = 'imagenet-1k' | 'fashion-mnist';

/** Facts about a bundled Fashion-MNIST model, as recorded by its training run. */
export interface BundledModel {
	/** File under /weights/. */
	file: string;
	bytes: number;
	/** Accuracy on the 10,000 Fashion-MNIST test images, evaluated in PyTorch. */
	testAccuracy: number;
	testImages: number;
}

export interface ModelInfo {
	id: string;
	dataset: DatasetId;
	family: Family;
	/** Display name (same in both languages). */
	name: string;
	spec: NetSpec;
	/** MACs of the conv and linear layers, from our cost model. */
	macs: number;
	params: number;
	checkpoint: CheckpointEntry | null;
	bundled: BundledModel | null;
}

export interface ModelSet {
	dataset: DatasetId;
	/** EfficientNet first, GhostNet second: the order (and colour) everywhere in the UI. */
	models: [ModelInfo, ModelInfo];
	preprocess: InputConfig;
	labels: LabelTableId;
	numClasses: number;
}

function modelInfo(base: Omit<ModelInfo, 'macs' | 'params'>): ModelInfo {
	const { macs, params } = cost(base.spec);
	return { ...base, macs, params };
}

/** EfficientNet-B0 and GhostNet 1.0× with timm's ImageNet eval transform. */
export function imagenetSet(): ModelSet {
	const entries = [CHECKPOINTS['efficientnet_b0.ra_in1k'], CHECKPOINTS['ghostnet_100.in1k']];
	const [efficient, ghost] = entries.map((checkpoint) =>
		modelInfo({
			id: checkpoint.id,
			dataset: 'imagenet',
			family: checkpoint.family,
			name: checkpoint.name,
			spec: checkpoint.spec(),
			checkpoint,
			bundled: null
		})
	);
	const { inputSize, cropPct } = entries[0].eval;
	return {
		dataset: 'imagenet',
		models: [efficient, ghost],
		preprocess: imagenetEvalConfig(inputSize, cropPct),
		labels: 'imagenet-1k',
		numClasses: 1000
	};
}

/** A manifest that does not describe the two Fashion-MNIST models as expected. */
export class ManifestError extends Error {
	constructor(message: string) {
		super(`fmnist-models.json: ${message}`);
		this.name = 'ManifestError';
	}
}

type Json = Record<string, unknown>;

function field<T>(object: Json, key: string, check: (v: unknown) => boolean, what: string): T {
	const value = object[key];
	if (!check(value)) throw new ManifestError(`${key} must be ${what}, found ${JSON.stringify(value)}`);
	return value as T;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const isRgb = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every(isNumber);
// A plain file name: the manifest must not send the loader to another directory or host.
const isFileName = (v: unknown) => isString(v) && /^[\w.-]+\.safetensors$/.test(v as string);

function specOf(family: Family, options: Json): NetSpec {
	return family === 'ghostnet'
		? ghostnet(options as unknown as Parameters<typeof ghostnet>[0])
		: efficientnet(options as unknown as Parameters<typeof efficientnet>[0]);
}

function fmnistModel(entry: Json): ModelInfo {
	const family = field<Family>(entry, 'family', (v) => v === 'ghostnet' || v === 'efficientnet', 'a family');
	const spec = specOf(family, field<Json>(entry, 'spec', isObject, 'spec options'));
	const name =
		family === 'ghostnet' ? `GhostNet ${spec.config.width}×` : `EfficientNet-B0 (width ${spec.config.width})`;
	return modelInfo({
		id: field<string>(entry, 'id', isString, 'a string'),
		dataset: 'fmnist',
		family,
		name,
		spec,
		checkpoint: null,
		bundled: {
			file: field<string>(entry, 'file', isFileName, 'a .safetensors file name'),
			bytes: field<number>(entry, 'bytes', isNumber, 'a number'),
			testAccuracy: field<number>(entry, 'testAccuracy', isNumber, 'a number'),
			testImages: field<number>(entry, 'testImages', isNumber, 'a number')
		}
	});
}

function fmnistPreprocess(entry: Json): InputConfig {
	const p = field<Json>(entry, 'preprocessing', isObject, 'an object');
	const resolution = field<number>(p, 'resolution', isNumber, 'a number');
	const cropPct = field<number>(p, 'cropPct', isNumber, 'a number');
	return {
		...imagenetEvalConfig(resolution, cropPct),
		mean: field<Rgb>(p, 'mean', isRgb, 'three numbers'),
		std: field<Rgb>(p, 'std', isRgb, 'three numbers'),
		color: 'gray',
		// The data set's own 28×28 images are zero-padded to the input, as in training, not enlarged.
		padSmaller: true
	};
}

/** The Fashion-MNIST set from `fmnist-models.json`: one GhostNet and one EfficientNet, 10 classes. */
export function parseFmnistManifest(json: unknown): ModelSet {
	if (!isObject(json)) throw new ManifestError('not an object');
	const entries = field<unknown[]>(json as Json, 'models', Array.isArray, 'an array');
	const byFamily = (family: Family) => {
		const entry = entries.find((m) => isObject(m) && (m as Json).family === family);
		if (!entry) throw new ManifestError(`no ${family} model`);
		return entry as Json;
	};
	const [efficientEntry, ghostEntry] = [byFamily('efficientnet'), byFamily('ghostnet')];
	const models: [ModelInfo, ModelInfo] = [fmnistModel(efficientEntry), fmnistModel(ghostEntry)];
	if (models.some((m) => m.spec.numClasses !== 10)) throw new ManifestError('models must have 10 classes');
	if (models[0].spec.resolution !== models[1].spec.resolution)
		throw new ManifestError('both models must take the same input resolution');
	return {
		dataset: 'fmnist',
		models,
		preprocess: fmnistPreprocess(efficientEntry),
		labels: 'fashion-mnist',
		numClasses: 10
	};
}

/** Where the site serves a label table (fetched at runtime, never bundled). */
export function labelUrl(table: LabelTableId, lang: Language): string {
	return `/labels/${table}.${lang}.json`;
}

export const FMNIST_MANIFEST_URL = '/weights/fmnist-models.json';
