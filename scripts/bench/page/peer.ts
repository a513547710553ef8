/**
 * The peer: onnxruntime-web (wasm execution provider) on the same networks exported from timm.
 * Its glue script and wasm binary are emitted by Vite as assets of this page (self-hosted, same version
 * as the npm package); vite.config.ts points 'onnxruntime-web' at the build that loads them from there.
 */
import * as ort from 'onnxruntime-web';
import ortGlueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { Fixture } from './fixtures';

export type Session = ort.InferenceSession;

/** Must run before the first session is created: onnxruntime-web reads these once. */
export function configurePeer(threads: number): void {
	ort.env.wasm.numThreads = threads;
	ort.env.wasm.wasmPaths = { mjs: ortGlueUrl, wasm: ortWasmUrl };
}

export function peerVersion(): string {
	return ort.env.versions.web ?? 'unknown';
}

export function createSession(fixture: Fixture): Promise<Session> {
	return ort.InferenceSession.create(fixture.onnx, { executionProviders: ['wasm'] });
}

export async function runPeer(session: Session, fixture: Fixture): Promise<Float32Array> {
	const r = fixture.resolution;
	const input = new ort.Tensor('float32', fixture.inputNchw, [1, 3, r, r]);
	const output = await session.run({ input });
	const logits = output.logits;
	try {
		return logits.data as Float32Array;
	} finally {
		input.dispose();
	}
}
