import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectRuntime } from './client';
import type { FromHost, ToHost } from './protocol';

/**
 * A stand-in for the module worker: says hello, then answers every request with the sum of its input.
 * Messages go through structuredClone with the transfer list, as postMessage does.
 */
class FakeWorker {
	onmessage: ((event: MessageEvent<FromHost>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	readonly received: { message: ToHost; transferred: number }[] = [];
	static last: FakeWorker | null = null;

	constructor() {
		FakeWorker.last = this;
		queueMicrotask(() => this.reply({ hello: 'worker' }));
	}
	postMessage(message: ToHost, transfer: Transferable[] = []) {
		const copy = structuredClone(message, { transfer });
		this.received.push({ message: copy, transferred: transfer.length });
		if (!('id' in copy)) return;
		const input = (copy.request as { input?: Float32Array }).input ?? new Float32Array();
		const sum = input.reduce((a, b) => a + b, 0);
		queueMicrotask(() =>
			this.reply({ id: copy.id, ok: true, value: sum, memory: { numTensors: 0, numBytes: 0 } })
		);
	}
	reply(data: FromHost) {
		this.onmessage?.({ data } as MessageEvent<FromHost>);
	}
	addEventListener() {}
	terminate() {}
}

afterEach(() => vi.unstubAllGlobals());

describe('connectRuntime: requests to the worker', () => {
	it('copies a request by default, and moves the buffers it is told to transfer', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		vi.stubGlobal('OffscreenCanvas', class {});
		const client = await connectRuntime();
		expect(client.thread).toBe('worker');

		const kept = new Float32Array([1, 2, 3]);
		const request = { type: 'logits', modelId: 'm', input: kept } as const;
		await expect(client.request(request)).resolves.toBe(6);
		expect(kept.length).toBe(3);

		const moved = new Float32Array([4, 5, 6]);
		await expect(client.request({ ...request, input: moved }, { transfer: [moved.buffer] })).resolves.toBe(
			15
		);
		expect(moved.buffer.byteLength).toBe(0);
		expect(FakeWorker.last!.received.map((r) => r.transferred)).toEqual([0, 1]);
	});
});
