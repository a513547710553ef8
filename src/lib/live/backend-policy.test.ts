import { describe, expect, it } from 'vitest';
import { gpuPlan, initialBackend, isSoftwareRenderer, SWITCH_MARGIN, webglWins } from './backend-policy';

describe('backend policy', () => {
	it("starts on the reader's choice, else on wasm", () => {
		expect(initialBackend(null)).toBe('wasm');
		expect(initialBackend('webgl')).toBe('webgl');
		expect(initialBackend('cpu')).toBe('cpu');
	});

	it('knows the software renderers by name (WEBGL_debug_renderer_info)', () => {
		for (const name of [
			'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
			'llvmpipe (LLVM 15.0.6, 256 bits)',
			'Mesa softpipe',
			'Microsoft Basic Render Driver',
			'Google SwiftShader'
		])
			expect(isSoftwareRenderer(name), name).toBe(true);
		for (const name of [
			'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)',
			'Apple M2',
			'Mali-G78'
		])
			expect(isSoftwareRenderer(name), name).toBe(false);
		expect(isSoftwareRenderer(null)).toBe(false);
	});

	it('measures WebGL only in automatic mode, where it exists and runs on a GPU', () => {
		const gpu = { available: true, renderer: 'Apple M2' };
		expect(gpuPlan('wasm', gpu)).toBe('not-needed');
		expect(gpuPlan('webgl', gpu)).toBe('not-needed');
		expect(gpuPlan(null, { available: false, renderer: null })).toBe('unavailable');
		expect(gpuPlan(null, { available: true, renderer: 'Google SwiftShader' })).toBe('software');
		expect(gpuPlan(null, gpu)).toBe('measure');
		// A renderer the browser hides is measured: only the time decides.
		expect(gpuPlan(null, { available: true, renderer: null })).toBe('measure');
	});

	it('switches only when WebGL beats the current backend by the margin', () => {
		expect(webglWins(20, 10)).toBe(true);
		expect(webglWins(20, 20 * SWITCH_MARGIN)).toBe(false);
		expect(webglWins(20, 19)).toBe(false);
		expect(webglWins(20, 40)).toBe(false);
		expect(webglWins(20, Number.NaN)).toBe(false);
		expect(webglWins(20, Number.POSITIVE_INFINITY)).toBe(false);
	});
});
