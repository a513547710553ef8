/**
 * The page's side of the live runtime: starts the host in a module Web Worker (or, where the browser
 * has no module workers or no OffscreenCanvas, on the page's own thread behind a loopback port, so the
 * same messages flow either way), sends requests and routes the answers, progress and events.
 */
import {
	RemoteError,
	type FromHost,
	type HostEvent,
	type LoadProgress,
	type Memory,
	type Request,
	type ResultOf,
	type ToHost
} from './protocol';

export interface RequestOptions {
	onProgress?: (progress: LoadProgress) => void;
	/** Aborting cancels the request in the host (a download) and rejects with its 'aborted' error. */
	signal?: AbortSignal;
	/** Buffers of the request to move to the host instead of copying them; they are detached here. */
	transfer?: Transferable[];
}

export interface RuntimeClient {
	/** Where the host runs. */
	readonly thread: 'worker' | 'main';
	request<R extends Request>(request: R, options?: RequestOptions): Promise<ResultOf<R['type']>>;
	/** Backend decisions the host makes on its own; returns a function that stops listening. */
	onEvent(listener: (event: HostEvent) => void): () => void;
	/** The host's tensor count and bytes, after every answer. */
	onMemory(listener: (memory: Memory) => void): () => void;
	terminate(): void;
}

interface Port {
	postMessage(message: ToHost, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<FromHost>) => void) | null;
}

interface Pending {
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
	onProgress?: (progress: LoadProgress) => void;
}

/** How long a new worker may take to say hello before the page runs the host itself. */
export const WORKER_HELLO_MS = 10_000;

function client(
	port: Port,
	thread: 'worker' | 'main',
	onFailure: (listener: (error: Error) => void) => void
) {
	const pending = new Map<number, Pending>();
	const events = new Set<(event: HostEvent) => void>();
	const memories = new Set<(memory: Memory) => void>();
	let next = 1;
	let dead: Error | null = null;

	port.onmessage = ({ data }) => {
		if ('event' in data) return events.forEach((listener) => listener(data.event));
		if (!('id' in data)) return;
		const entry = pending.get(data.id);
		if (!entry) return;
		if ('progress' in data) return entry.onProgress?.(data.progress);
		pending.delete(data.id);
		memories.forEach((listener) => listener(data.memory));
		if (data.ok) entry.resolve(data.value);
		else entry.reject(new RemoteError(data.error));
	};
	onFailure((error) => {
		dead = error;
		for (const entry of pending.values()) entry.reject(error);
		pending.clear();
	});

	const runtime: RuntimeClient = {
		thread,
		request(request, options = {}) {
			if (dead) return Promise.reject(dead);
			const id = next++;
			return new Promise((resolve, reject) => {
				pending.set(id, {
					resolve: resolve as (value: unknown) => void,
					reject,
					onProgress: options.onProgress
				});
				options.signal?.addEventListener('abort', () => port.postMessage({ cancel: id }, []), { once: true });
				port.postMessage({ id, request }, options.transfer ?? []);
			});
		},
		onEvent(listener) {
			events.add(listener);
			return () => events.delete(listener);
		},
		onMemory(listener) {
			memories.add(listener);
			return () => memories.delete(listener);
		},
		terminate() {
			if (port instanceof Worker) port.terminate();
		}
	};
	return runtime;
}

/** Two ports that hand each message to the other side's `onmessage` in a later microtask (no copy). */
function loopback(): [Port, Port] {
	const ends: Port[] = [];
	const end = (other: () => Port): Port => ({
		onmessage: null,
		postMessage(message) {
			queueMicrotask(() => other().onmessage?.({ data: message } as MessageEvent));
		}
	});
	ends.push(
		end(() => ends[1]),
		end(() => ends[0])
	);
	return [ends[0], ends[1]];
}

/** The host on this thread: the fallback where no module worker can start, and the component tests' runtime. */
export async function mainThreadRuntime(): Promise<RuntimeClient> {
	const { LiveHost } = await import('./host');
	const [page, hostEnd] = loopback();
	const host = new LiveHost((message) => hostEnd.postMessage(message as never, []), 'main');
	hostEnd.onmessage = (event) => host.receive(event.data as unknown as ToHost);
	return client(page, 'main', () => {});
}

/** A module worker that said hello, or null (no module workers here, or it failed to start). */
function startWorker(): Promise<Worker | null> {
	if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return Promise.resolve(null);
	let worker: Worker;
	try {
		worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'egn-live' });
	} catch {
		return Promise.resolve(null);
	}
	return new Promise((resolve) => {
		const timer = setTimeout(() => finish(false), WORKER_HELLO_MS);
		function finish(ok: boolean) {
			clearTimeout(timer);
			worker.onmessage = null;
			worker.onerror = null;
			if (!ok) worker.terminate();
			resolve(ok ? worker : null);
		}
		worker.onmessage = (event: MessageEvent<FromHost>) => finish('hello' in event.data);
		worker.onerror = (event) => {
			event.preventDefault();
			finish(false);
		};
	});
}

/** Starts the live runtime: in a module Web Worker where the browser has one, else on this thread. */
export async function connectRuntime(): Promise<RuntimeClient> {
	const worker = await startWorker();
	if (!worker) return mainThreadRuntime();
	return client(worker as unknown as Port, 'worker', (listener) => {
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			listener(new Error(`the live runtime's worker stopped: ${event.message || 'unknown error'}`));
		});
	});
}
