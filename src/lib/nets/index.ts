/**
 * Public API of `$lib/nets`: networks as data, their exact cost, timm checkpoints, and tfjs networks.
 *
 * Everything exported here is pure (no tfjs, no DOM) except `loadNetwork`, which loads the tfjs
 * builder lazily with a dynamic import, so a page that only needs specs and costs (tables, charts, the
 * Scaling and Ghost labs) never bundles tfjs. Runtime code that already holds tfjs imports the
 * synchronous builder directly: `import { loadNetwork } from '$lib/nets/build'`.
 *
 * Flow: `efficientnet(...)` / `ghostnet(...)` → NetSpec → `cost(spec)`;
 * bytes → `readSafetensors` → `mapTimmWeights(spec, file)` → `loadNetwork(spec, weights)` → Net.
 */
import type { Net } from './build';
import type { NetSpec } from './spec/types';
import type { SafetensorsFile } from './weights/safetensors';
import type { MappedWeights } from './weights/timm';

/**
 * Specs: `efficientnet({ variant } | { phi, alpha?, beta?, gamma? } | { width, depth, resolution? })`
 * and `ghostnet({ width, resolution?, numClasses?, ghostRatio?, moduleKind? })` resolve every block and
 * layer (timm names, channels, kernels, strides, SE widths, shortcuts, shapes) as JSON-serializable
 * data; out-of-range options throw SpecError. `tapNames(spec)` lists the tap names of the built
 * network; `timmStateDict(spec)` the checkpoint tensors it needs. Types: see spec/types.ts.
 */
export * from './spec/index';

/**
 * `cost(spec)`: params (timm's count) and MACs (conv and linear layers only) per layer, block, stage,
 * role and in total, plus activation elements per layer.
 */
export { cost, layerCost, layerMacs, layerParams } from './cost';
export type { BlockCost, Cost, LayerCost, NetCost, StageCost } from './cost';

/** `readSafetensors(bytes)`: validated safetensors reader (F32, F16, BF16, I64); throws SafetensorsError. */
export {
	readSafetensors,
	writeSafetensors,
	SafetensorsError,
	DTYPE_BYTES,
	MAX_HEADER_BYTES
} from './weights/safetensors';
export type { Dtype, SafetensorsErrorCode, SafetensorsFile, TensorEntry } from './weights/safetensors';

/**
 * `mapTimmWeights(spec, file)`: checks family, keys and shapes against the spec and converts PyTorch
 * layouts to tfjs; throws WeightMappingError naming the keys and shapes.
 */
export { mapTimmWeights, checkpointFamily, WeightMappingError } from './weights/timm';
export type {
	MappedTensor,
	MappedWeights,
	ShapeMismatch,
	WeightLayout,
	WeightMappingErrorCode
} from './weights/timm';

/** BatchNorm folding used at load time (pure). */
export { foldBatchNorm, BN_EPS } from './fold';

export type { InferOptions, InferResult, Net, Prediction } from './build';

/**
 * Build the tfjs network for a spec from a timm checkpoint (parsed file or mapped weights). Loads
 * tfjs on first use. The Net's `infer(x, { taps })` is synchronous (NHWC float32 input, caller disposes
 * the returned tensors), `classify(x, k)` resolves to the top-k classes, `dispose()` frees the weights.
 * Throws WeightMappingError (nothing allocated) when the checkpoint does not fit the spec.
 */
export async function loadNetwork(spec: NetSpec, weights: SafetensorsFile | MappedWeights): Promise<Net> {
	const build = await import('./build');
	return build.loadNetwork(spec, weights);
}
