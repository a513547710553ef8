import { describe, expect, it } from 'vitest';
import { rendererName } from './backend-text';

describe('rendererName', () => {
	it('names a software renderer by its short name, not the whole driver description', () => {
		expect(
			rendererName(
				'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'
			)
		).toBe('SwiftShader');
		expect(rendererName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe (LLVM 15.0.6, 256 bits)');
		expect(rendererName('x'.repeat(50))).toBe(`${'x'.repeat(39)}…`);
	});
});
