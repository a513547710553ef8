/**
 * Our networks as readers run them: in the site's live runtime (src/lib/live), a module Web Worker that
 * holds tfjs. Every time taken here is on the page's clock and includes the message round trip:
 * input sent to the worker, forward pass there, logits back.
 */
import { connectRuntime, type RuntimeClient } from '$lib/live/client';
import type { BackendState } from '$lib/live/protocol';
import type { Fixture, NetName } from './fixtures';
import { specOf } from './fixtures';

export interface WorkerRuntime {
	client: RuntimeClient;
	state: BackendState;
}

/** A new worker, started on wasm with `threads` XNNPACK threads (as the site would, on a machine with 2 × that many cores). */
export async function startWorkerRuntime(threads: number): Promise<WorkerRuntime> {
	const client = await connectRuntime();
	if (client.thread !== 'worker') throw new Error('the live runtime did not start in a worker');
	const state = await client.request({ type: 'start', settings: { choice: 'wasm', wasmThreads: threads } });
	return { client, state };
}

/** Validates, maps and builds a network from the fixture's bytes (as a dropped file), with its warm-up. */
export async function loadInWorker(runtime: WorkerRuntime, fixture: Pick<Fixture, 'name' | 'weights'>) {
	const file = new Blob([fixture.weights as BlobPart]);
	await runtime.client.request({ type: 'load', modelId: fixture.name, spec: specOf(fixture.name), source: { kind: 'file', file } });
}

/**
 * Input to the worker, forward pass, logits back. The input moves to the worker (transferred, not
 * cloned): the fixture's is copied for that, and the copy counts in the time.
 */
export async function runInWorker(runtime: WorkerRuntime, fixture: Fixture): Promise<Float32Array> {
	const input = fixture.inputNhwc.slice();
	const result = await runtime.client.request(
		{ type: 'logits', modelId: fixture.name, input },
		{ transfer: [input.buffer] }
	);
	return result.logits;
}

export function tensorsInWorker(runtime: WorkerRuntime): Promise<number> {
	return new Promise((resolve) => {
		const stop = runtime.client.onMemory((memory) => {
			stop();
			resolve(memory.numTensors);
		});
		void runtime.client.request({ type: 'memory' });
	});
}

export type { NetName };
