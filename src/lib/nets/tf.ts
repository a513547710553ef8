/**
 * The part of the public API of `$lib/nets` that needs tfjs: building and running networks, the
 * backends, and reading images into network inputs. Only the live runtime (`$lib/live`) imports it,
 * in its Web Worker (or on the main thread where a browser has no module workers), so no page bundles
 * tfjs. Everything pure is in `$lib/nets`.
 *
 * Flow: `loadTf()` → `selectBackend(name, tfBackendHost(tf))` → `loadNetwork(spec, weights)` → Net;
 * `preprocessImage(source, config)` → `inputTensor(tf, image)` → `net.infer` / `net.classify`.
 */
export { loadNetwork, NetUsageError } from './build';
export type { InferOptions, InferResult, Net, Prediction } from './build';
export { inputTensor } from './preprocess';
export * from './runtime';
