/**
 * Heavy, settled computations of the Scaling lab, run in a Web Worker when the browser has one and on
 * the main thread otherwise (tests, old browsers). Requests and results are plain data (specs are
 * JSON-serializable by design), so they cross to and from the worker by structured clone.
 */
import { exactCurve, type Coefficients, type CurvePoint } from './curves';
import { matchAllDimensions, type SingleDimensionMatch } from './single-dimension';

export type SettleRequest =
	{ id: number; kind: 'curve'; coefficients: Coefficients } | { id: number; kind: 'match'; target: number };

export type SettleResponse =
	| { id: number; kind: 'curve'; curve: CurvePoint[] }
	| { id: number; kind: 'match'; matches: SingleDimensionMatch[] };

export function handleSettleRequest(request: SettleRequest): SettleResponse {
	if (request.kind === 'curve') {
		return { id: request.id, kind: 'curve', curve: exactCurve(request.coefficients) };
	}
	return { id: request.id, kind: 'match', matches: matchAllDimensions(request.target) };
}

type Pending = (response: SettleResponse) => void;

export interface Settler {
	curve(coefficients: Coefficients): Promise<CurvePoint[]>;
	match(target: number): Promise<SingleDimensionMatch[]>;
	dispose(): void;
}

function startWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('./settle-worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}

export function createSettler(): Settler {
	const worker = startWorker();
	const pending = new Map<number, Pending>();
	let nextId = 0;
	if (worker) {
		worker.onmessage = (event: MessageEvent<SettleResponse>) => {
			pending.get(event.data.id)?.(event.data);
			pending.delete(event.data.id);
		};
	}
	function run(request: SettleRequest): Promise<SettleResponse> {
		if (!worker) return Promise.resolve().then(() => handleSettleRequest(request));
		return new Promise((resolve) => {
			pending.set(request.id, resolve);
			worker.postMessage(request);
		});
	}
	return {
		async curve(coefficients) {
			const response = await run({ id: nextId++, kind: 'curve', coefficients });
			return response.kind === 'curve' ? response.curve : [];
		},
		async match(target) {
			const response = await run({ id: nextId++, kind: 'match', target });
			return response.kind === 'match' ? response.matches : [];
		},
		dispose() {
			worker?.terminate();
			pending.clear();
		}
	};
}
