/**
 * Our hand-written wasm kernels (*.wat, assembled into *.binaries.ts by scripts/build-wasm-kernels.js)
 * run on the tfjs wasm backend's own memory: each is instantiated importing that WebAssembly.Memory,
 * so they read and write tensors where tfjs keeps them, with nothing copied. Pure and synchronous.
 */

/** A kernel's binaries, base64: for an ordinary and a shared memory, and with relaxed SIMD if it fuses. */
export interface KernelBinaries {
	readonly plain: string;
	readonly shared: string;
	readonly relaxed?: string;
	readonly relaxedShared?: string;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
	return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The variants that can import `memory`, best first (fused multiply-adds where relaxed SIMD exists). */
export function variantsFor(binaries: KernelBinaries, memory: WebAssembly.Memory): Uint8Array<ArrayBuffer>[] {
	const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
	const order = shared ? [binaries.relaxedShared, binaries.shared] : [binaries.relaxed, binaries.plain];
	return order.filter((b) => b !== undefined).map(decode);
}

/** One variant instantiated on `memory`. */
export function instantiateOn(
	binary: Uint8Array<ArrayBuffer>,
	memory: WebAssembly.Memory
): WebAssembly.Exports {
	// A module this small may be compiled synchronously, also on a page's main thread.
	return new WebAssembly.Instance(new WebAssembly.Module(binary), { env: { memory } }).exports;
}

const instances = new WeakMap<KernelBinaries, WeakMap<WebAssembly.Memory, WebAssembly.Exports | null>>();

/** The kernel's exports on `memory` (the best variant this browser takes), or null without wasm SIMD. */
export function kernelOn(binaries: KernelBinaries, memory: WebAssembly.Memory): WebAssembly.Exports | null {
	let onMemory = instances.get(binaries);
	if (!onMemory) instances.set(binaries, (onMemory = new WeakMap()));
	if (!onMemory.has(memory)) {
		const binary = variantsFor(binaries, memory).find((b) => WebAssembly.validate(b));
		onMemory.set(memory, binary ? instantiateOn(binary, memory) : null);
	}
	return onMemory.get(memory)!;
}
