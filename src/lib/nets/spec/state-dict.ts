import type { Layer, NetSpec } from './types';

/** One tensor of a timm state_dict: key, PyTorch shape, the layer it belongs to, and what it is. */
export interface StateDictEntry {
	key: string;
	shape: number[];
	layer: Layer;
	param: 'weight' | 'bias' | 'running_mean' | 'running_var';
}

/**
 * The timm state_dict a spec implies, in timm order, without the `num_batches_tracked` counters
 * (loaders ignore them; they are int64 scalars that follow each BN's running_var).
 */
export function timmStateDict(spec: NetSpec): StateDictEntry[] {
	return spec.layers.flatMap((layer): StateDictEntry[] => {
		if (layer.op === 'bn') {
			return (['weight', 'bias', 'running_mean', 'running_var'] as const).map((param) => ({
				key: `${layer.key}.${param}`,
				shape: layer.weightShape,
				layer,
				param
			}));
		}
		const weight: StateDictEntry = {
			key: `${layer.key}.weight`,
			shape: layer.weightShape,
			layer,
			param: 'weight'
		};
		if (!layer.bias) return [weight];
		return [weight, { key: `${layer.key}.bias`, shape: [layer.outChannels], layer, param: 'bias' }];
	});
}
