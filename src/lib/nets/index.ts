/**
 * Public API of `$lib/nets` (pure part: specs and the cost model; importing this module never pulls
 * in tfjs). The tfjs network builder lives in `$lib/nets/build` and is imported from there by runtime
 * code only.
 */
export * from './spec/index';
export { cost, layerCost, layerMacs, layerParams } from './cost';
export type { BlockCost, Cost, LayerCost, NetCost, StageCost } from './cost';
