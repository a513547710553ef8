/**
 * The ImageNet checkpoints the site can run (pure data). Each one is a timm checkpoint on the
 * Hugging Face hub; `model.safetensors` there holds timm's `state_dict` (facts.md D.1), so the
 * architecture that reads it is the spec named here and nothing else.
 */
import { efficientnet } from '../spec/efficientnet';
import { ghostnet } from '../spec/ghostnet';
import type { Family, NetSpec } from '../spec/types';

export type CheckpointId = 'efficientnet_b0.ra_in1k' | 'ghostnet_100.in1k';

/** timm `pretrained_cfg` of a checkpoint that matters for inference (facts.md D.4). */
export interface EvalSettings {
	/** Input side (crop size). */
	inputSize: number;
	/** The shorter side is resized to floor(inputSize / cropPct) before the center crop. */
	cropPct: number;
	interpolation: 'bicubic';
	/** 'imagenet': mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225). */
	normalization: 'imagenet';
}

export interface CheckpointEntry {
	/** A `CheckpointId` for the catalog's entries; other entries (tests, later models) may use any id. */
	id: string;
	family: Family;
	/** Display name (same in both languages). */
	name: string;
	/** Hugging Face hub repository, `owner/name`. */
	repo: string;
	/** File inside the repository. */
	file: string;
	/** File name under `static/weights/` (what `npm run weights:download` writes). */
	localFile: string;
	/** The architecture the checkpoint belongs to. */
	spec: () => NetSpec;
	eval: EvalSettings;
	numClasses: number;
	/** Which label table the logits index; 'imagenet-1k' (torchvision order) for the catalog's entries. */
	labels: string;
	/**
	 * Bytes of tensor data timm's `state_dict` has (float32 weights + int64 BN counters), from
	 * reference/timm_*_keys.json. The hub file adds a JSON header of a few tens of kB. The exact
	 * file size is not recorded because it could not be observed here; use this for "about N MB".
	 */
	approxBytes: number;
}

const IMAGENET_EVAL: EvalSettings = {
	inputSize: 224,
	cropPct: 0.875,
	interpolation: 'bicubic',
	normalization: 'imagenet'
};

export const CHECKPOINTS: Readonly<Record<CheckpointId, CheckpointEntry>> = {
	'efficientnet_b0.ra_in1k': {
		id: 'efficientnet_b0.ra_in1k',
		family: 'efficientnet',
		name: 'EfficientNet-B0',
		repo: 'timm/efficientnet_b0.ra_in1k',
		file: 'model.safetensors',
		localFile: 'efficientnet_b0.ra_in1k.safetensors',
		spec: () => efficientnet({ variant: 'b0' }),
		eval: IMAGENET_EVAL,
		numClasses: 1000,
		labels: 'imagenet-1k',
		approxBytes: 21_322_648
	},
	'ghostnet_100.in1k': {
		id: 'ghostnet_100.in1k',
		family: 'ghostnet',
		name: 'GhostNet 1.0×',
		repo: 'timm/ghostnet_100.in1k',
		file: 'model.safetensors',
		localFile: 'ghostnet_100.in1k.safetensors',
		spec: () => ghostnet({ width: 1.0 }),
		eval: IMAGENET_EVAL,
		numClasses: 1000,
		labels: 'imagenet-1k',
		approxBytes: 20_818_544
	}
};

export const CHECKPOINT_IDS = Object.keys(CHECKPOINTS) as CheckpointId[];

export function isCheckpointId(value: string): value is CheckpointId {
	return Object.hasOwn(CHECKPOINTS, value);
}

/** The catalog entry of `id`; throws for an unknown id. */
export function checkpoint(id: CheckpointId): CheckpointEntry {
	if (!isCheckpointId(id)) throw new RangeError(`unknown checkpoint ${String(id)}`);
	return CHECKPOINTS[id];
}
