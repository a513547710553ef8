/**
 * Which networks the live parts can run, from the page's network session (pure over the session's
 * fields): the GhostNet (and EfficientNet) of each model set, whether its weights are ready, and the
 * default — the set the session uses, else whatever is ready, else the bundled offline set.
 */
import type { Family } from '$lib/nets/spec/types';
import type { PreprocessConfig } from '$lib/nets/preprocess';
import type { DatasetId, ModelInfo, ModelSet } from '$lib/viz/classifier/models';

export type SlotStatus = 'empty' | 'loading' | 'ready' | 'error';

/** What the live parts read from the session (NetworkSession satisfies it). */
export interface ModelSource {
	readonly imagenet: ModelSet;
	readonly fmnist: ModelSet | null;
	readonly active: DatasetId | null;
	readonly slots: Readonly<Record<string, { status: SlotStatus }>>;
}

export interface LiveModel {
	info: ModelInfo;
	dataset: DatasetId;
	preprocess: PreprocessConfig;
	status: SlotStatus;
}

/** The models of `family` in every known set, the offline (Fashion-MNIST) set first. */
export function liveModels(source: ModelSource, family: Family): LiveModel[] {
	const sets = [source.fmnist, source.imagenet].filter((s): s is ModelSet => s !== null);
	return sets.flatMap((set) =>
		set.models
			.filter((m) => m.family === family)
			.map((info) => ({
				info,
				dataset: set.dataset,
				preprocess: set.preprocess,
				status: source.slots[info.id]?.status ?? 'empty'
			}))
	);
}

/** The model to show first: the session's active set, else a ready one, else the offline set's. */
export function defaultModel(models: LiveModel[], active: DatasetId | null): LiveModel | null {
	const ready = models.filter((m) => m.status === 'ready');
	return (
		ready.find((m) => m.dataset === active) ??
		ready[0] ??
		models.find((m) => m.dataset === 'fmnist') ??
		models[0] ??
		null
	);
}
