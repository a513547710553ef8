export * from './types';
export {
	efficientnet,
	EFFICIENTNET_VARIANTS,
	EFFICIENTNET_B0_STAGES,
	COMPOUND_COEFFICIENTS
} from './efficientnet';
export { ghostnet, GHOSTNET_STAGES } from './ghostnet';
export { ghostEfficientNet } from './ghost-efficientnet';
export type { GhostSwapOptions } from './ghost-efficientnet';
export type { GhostBottleneckRow } from './ghostnet';
export { makeDivisible, roundFilters, roundRepeats, symmetricPadding, convOutputSize } from './rounding';
export { LIMITS } from './validate';
export { tapNames } from './taps';
export { timmStateDict } from './state-dict';
export type { StateDictEntry } from './state-dict';
