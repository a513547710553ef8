// `@tensorflow/tfjs` for a BENCH_BASELINE older than the split into tfjs-core and its backends: the same
// engine instance the current code uses (so both run on one backend), with the backends the umbrella
// package registered.
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
