/**
 * Public API of `$lib/nets`: networks as data, their exact cost, timm checkpoints, and tfjs networks.
 *
 * Everything exported here is pure (no tfjs, no DOM) or plain I/O (the weight sources' fetch and
 * Cache Storage, which work in a page and in a Web Worker), so a page that only needs specs and costs
 * (tables, charts, the Scaling and Ghost labs) never bundles tfjs. What needs tfjs (building and
 * running networks, the backends) is the second public entry, `$lib/nets/tf`, which only the live
 * runtime imports.
 *
 * Flow: `efficientnet(...)` / `ghostnet(...)` → NetSpec → `cost(spec)`;
 * bytes → `readSafetensors` → `mapTimmWeights(spec, file)` → `loadNetwork(spec, weights)` → Net.
 */
/**
 * Specs: `efficientnet({ variant } | { phi, alpha?, beta?, gamma? } | { width, depth, resolution? })`
 * and `ghostnet({ width, resolution?, numClasses?, ghostRatio?, moduleKind? })` resolve every block and
 * layer (timm names, channels, kernels, strides, SE widths, shortcuts, shapes) as JSON-serializable
 * data; out-of-range options throw SpecError. `ghostEfficientNet(spec, { ratio, cheapKernel? })` swaps
 * each 1×1 expand/project conv of an EfficientNet for a Ghost module (never trained: for cost only).
 * `tapNames(spec)` lists the tap names of the built network; `timmStateDict(spec)` the checkpoint
 * tensors it needs. Types: see spec/types.ts.
 */
export * from './spec/index';

/**
 * `cost(spec)`: params (timm's count) and MACs (conv and linear layers only) per layer, block, stage,
 * role and in total, plus activation elements per layer.
 */
export { cost, layerCost, layerMacs, layerParams } from './cost';
export type { BlockCost, Cost, LayerCost, NetCost, StageCost } from './cost';

/**
 * `compareConvolutions({ inChannels, outChannels, kernel, size })`: weights and MACs of an ordinary, a
 * depthwise and a depthwise-separable k×k conv, counted by the cost model; `channelsRead` says which
 * input channels an output reads.
 */
export { channelsRead, compareConvolutions, convCount, CONV_KINDS } from './convolutions';
export type { ConvCount, ConvKind, ConvSetting } from './convolutions';

/** `receptiveFields(spec)`: each stage's theoretical receptive field in input pixels and as a fraction. */
export { receptiveFields } from './receptive-field';
export type { StageReceptiveField } from './receptive-field';

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

/**
 * `loadCheckpoint(spec, source)`: a checkpoint from a URL or a file, with progress, cancel, a Cache
 * Storage cache and a WeightsError code for everything that can go wrong; `isCached(url)`.
 */
export { loadCheckpoint, loadCheckpointBytes } from './weights/sources';
export type { LoadedCheckpoint, LoadOptions, WeightsProgress, WeightsSource } from './weights/sources';
export { clearWeightsCache, isCached } from './weights/cache';
export type { CacheStatus } from './weights/cache';
export { STALL_TIMEOUT_MS, WeightsError, WEIGHTS_ERROR_CODES } from './weights/errors';
export type { WeightsErrorCode } from './weights/errors';

/** tfjs backend names and the report of the one in use (the backends themselves: `$lib/nets/tf`). */
export { BACKENDS, chooseWasmThreads, MAX_WASM_THREADS } from './backends';
export type { BackendInfo, BackendName, Fallback, FallbackReason, WasmFeatures } from './backends';

/** BatchNorm folding used at load time (pure). */
export { foldBatchNorm, BN_EPS } from './fold';

/**
 * timm's eval transform on pixels in memory: `preprocessPixels(image, config)` (bicubic resize as PIL,
 * center crop, normalization), its configs and geometry; `ImageReadError` for unreadable images.
 */
export { centerCropBox, planEval, preprocessPixels, ImageReadError } from './preprocess';
export { imagenetEvalConfig, IMAGENET_MEAN, IMAGENET_STD, TIMM_IMAGENET_EVAL } from './preprocess-config';
export type { PreprocessConfig, Rgb } from './preprocess-config';
/** Reading an image's pixels in a browser (page or worker; createImageBitmap and a 2D canvas). */
export { readPixels, preprocessImage, DEFAULT_MAX_SOURCE_PIXELS } from './preprocess';
export type { ReadOptions } from './preprocess';
export type {
	EvalPlan,
	ImageReadErrorCode,
	ImageSourceLike,
	PreprocessedImage,
	RawImage
} from './preprocess';

/** Label tables: parsing and top-k. */
export { parseLabelTable, topK, LabelTableError } from './labels';
