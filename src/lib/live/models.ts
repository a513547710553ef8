/**
 * The models the live parts run, one descriptor each (pure): what the network is (its resolved spec,
 * cost and display name), which data set it was trained on, and where its weights come from. Two sets:
 * the ImageNet checkpoints of timm on the Hugging Face hub (the table below) and our own Fashion-MNIST
 * models bundled with the site (the training helper's `static/weights/fmnist-models.json`, read at
 * runtime). Both networks of a set share one preprocessing config, so they always see the same input.
 */
import type { Language } from '$lib/content/languages';
import type { Localized } from '$lib/content/i18n';
import {
	cost,
	efficientnet,
	ghostnet,
	imagenetEvalConfig,
	type Family,
	type NetSpec,
	type PreprocessConfig,
	type Rgb
} from '$lib/nets';
import builtManifest from '../../../static/weights/fmnist-models.json';

export type DatasetId = 'imagenet' | 'fmnist';
export type LabelTableId = 'imagenet-1k' | 'fashion-mnist';

/**
 * A timm checkpoint on the hub: `model.safetensors` there holds timm's `state_dict` (facts.md D.1), so
 * the spec of the descriptor is the only architecture that reads it.
 */
export interface HubWeights {
	kind: 'hub';
	/** Hugging Face hub repository, `owner/name`. */
	repo: string;
	/** File inside the repository. */
	file: string;
	/** File name under `static/weights/` (what `npm run weights:download` writes). */
	localFile: string;
	/**
	 * Bytes of tensor data in timm's `state_dict` (float32 weights + int64 BN counters), from
	 * reference/timm_*_keys.json; the file adds a JSON header of a few tens of kB ("about N MB").
	 */
	approxBytes: number;
}

/** One of our Fashion-MNIST models, shipped under /weights/ with the accuracy its training measured. */
export interface BundledWeights {
	kind: 'bundled';
	file: string;
	bytes: number;
	/** Accuracy on the 10,000 Fashion-MNIST test images, evaluated in PyTorch. */
	testAccuracy: number;
	testImages: number;
}

export interface ModelDescriptor {
	id: string;
	dataset: DatasetId;
	family: Family;
	/** Display name in each language ("EfficientNet-B0 (width 0.5)", "EfficientNet-B0（宽度 0.5）"). */
	name: Localized<string>;
	spec: NetSpec;
	/** MACs of the conv and linear layers, from our cost model. */
	macs: number;
	params: number;
	weights: HubWeights | BundledWeights;
}

/** Per-image preprocessing of a model set. */
export interface InputConfig extends PreprocessConfig {
	/** Images no larger than the crop are zero-padded to it rather than resized (Fashion-MNIST). */
	padSmaller?: boolean;
}

export interface ModelSet {
	dataset: DatasetId;
	/** EfficientNet first, GhostNet second: the order (and colour) everywhere in the UI. */
	models: [ModelDescriptor, ModelDescriptor];
	preprocess: InputConfig;
	labels: LabelTableId;
	numClasses: number;
}

function describe(base: Omit<ModelDescriptor, 'macs' | 'params'>): ModelDescriptor {
	const { macs, params } = cost(base.spec);
	return { ...base, macs, params };
}

/** The ImageNet checkpoints (timm `pretrained_cfg` eval settings: facts.md D.4). */
export const IMAGENET_CHECKPOINTS = {
	'efficientnet_b0.ra_in1k': {
		family: 'efficientnet',
		name: 'EfficientNet-B0',
		spec: () => efficientnet({ variant: 'b0' }),
		weights: {
			kind: 'hub',
			repo: 'timm/efficientnet_b0.ra_in1k',
			file: 'model.safetensors',
			localFile: 'efficientnet_b0.ra_in1k.safetensors',
			approxBytes: 21_322_648
		}
	},
	'ghostnet_100.in1k': {
		family: 'ghostnet',
		name: 'GhostNet 1.0×',
		spec: () => ghostnet({ width: 1.0 }),
		weights: {
			kind: 'hub',
			repo: 'timm/ghostnet_100.in1k',
			file: 'model.safetensors',
			localFile: 'ghostnet_100.in1k.safetensors',
			approxBytes: 20_818_544
		}
	}
} as const satisfies Record<
	string,
	{ family: Family; name: string; spec: () => NetSpec; weights: HubWeights }
>;

export type CheckpointId = keyof typeof IMAGENET_CHECKPOINTS;
export const CHECKPOINT_IDS = Object.keys(IMAGENET_CHECKPOINTS) as CheckpointId[];

/** Both checkpoints take timm's ImageNet eval input: resize 256 (bicubic), center crop 224. */
const IMAGENET_EVAL = { inputSize: 224, cropPct: 0.875 };

export function imagenetModel(id: CheckpointId): ModelDescriptor {
	const { family, name, spec, weights } = IMAGENET_CHECKPOINTS[id];
	return describe({ id, dataset: 'imagenet', family, name: { en: name, zh: name }, spec: spec(), weights });
}

let imagenet: ModelSet | null = null;

/** EfficientNet-B0 and GhostNet 1.0× with timm's ImageNet eval transform (built once: plain data). */
export function imagenetSet(): ModelSet {
	return (imagenet ??= {
		dataset: 'imagenet',
		models: [imagenetModel('efficientnet_b0.ra_in1k'), imagenetModel('ghostnet_100.in1k')],
		preprocess: imagenetEvalConfig(IMAGENET_EVAL.inputSize, IMAGENET_EVAL.cropPct),
		labels: 'imagenet-1k',
		numClasses: 1000
	});
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** `<base>/<repo>/resolve/main/<file>`, the hub's download URL layout. */
export function hubUrl(weights: HubWeights, baseUrl: string): string {
	return `${trimSlash(baseUrl)}/${weights.repo}/resolve/main/${weights.file}`;
}

/** `<base>/<file>`: a self-hosted checkpoint (`localFile`) or a bundled model. */
export function staticUrl(weights: HubWeights | BundledWeights, baseUrl: string): string {
	return `${trimSlash(baseUrl)}/${weights.kind === 'hub' ? weights.localFile : weights.file}`;
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

function fmnistModel(entry: Json): ModelDescriptor {
	const family = field<Family>(entry, 'family', (v) => v === 'ghostnet' || v === 'efficientnet', 'a family');
	const spec = specOf(family, field<Json>(entry, 'spec', isObject, 'spec options'));
	const width = spec.config.width;
	const name: Localized<string> =
		family === 'ghostnet'
			? { en: `GhostNet ${width}×`, zh: `GhostNet ${width}×` }
			: { en: `EfficientNet-B0 (width ${width})`, zh: `EfficientNet-B0（宽度 ${width}）` };
	return describe({
		id: field<string>(entry, 'id', isString, 'a string'),
		dataset: 'fmnist',
		family,
		name,
		spec,
		weights: {
			kind: 'bundled',
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
	const models: [ModelDescriptor, ModelDescriptor] = [fmnistModel(efficientEntry), fmnistModel(ghostEntry)];
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

let builtSets: ModelDescriptor[] | null = null;

/**
 * Every model the site offers, as built into the page: the bundled set from the same manifest the
 * session fetches at runtime, then the ImageNet checkpoints. Live figures lay themselves out from these
 * before the runtime has read anything, so that nothing moves when it has.
 */
export function builtModels(): ModelDescriptor[] {
	builtSets ??= [...parseFmnistManifest(builtManifest).models, ...imagenetSet().models];
	return builtSets;
}

/** The preprocessing for one image of `width × height` pixels under the set's `config`. */
export function configForImage(config: InputConfig, width: number, height: number): PreprocessConfig {
	const { padSmaller = false, ...base } = config;
	if (padSmaller && width <= base.crop && height <= base.crop) return { ...base, resizeShorter: null };
	return base;
}
