import { describe, expect, it } from 'vitest';
import {
	IMAGE_ACCEPT,
	MAX_IMAGE_BYTES,
	cameraErrorCode,
	cameraSupported,
	checkImageFile,
	dragHasFiles,
	firstFile
} from './image-input';

describe('checkImageFile', () => {
	it('accepts images by MIME type, or by extension when the type is empty', () => {
		expect(checkImageFile({ name: 'cat.jpg', type: 'image/jpeg', size: 1000 })).toBeNull();
		expect(checkImageFile({ name: 'CAT.PNG', type: '', size: 1000 })).toBeNull();
	});
	it('refuses files whose type says they are something else', () => {
		expect(checkImageFile({ name: 'notes.txt', type: 'text/plain', size: 10 })).toBe('not-an-image');
		expect(checkImageFile({ name: 'page.png', type: 'text/html', size: 10 })).toBe('not-an-image');
	});
	it('leaves files whose name and type say nothing to their bytes', () => {
		expect(checkImageFile({ name: 'image', type: '', size: 1000 })).toBe('sniff');
		expect(checkImageFile({ name: 'blob', type: 'application/octet-stream', size: 1000 })).toBe('sniff');
		expect(checkImageFile({ name: 'model.safetensors', type: '', size: 1000 })).toBe('sniff');
	});
	it('refuses SVG by type or name, with its own reason', () => {
		expect(checkImageFile({ name: 'logo.svg', type: 'image/svg+xml', size: 10 })).toBe('svg-unsupported');
		expect(checkImageFile({ name: 'logo.SVG', type: '', size: 10 })).toBe('svg-unsupported');
		expect(IMAGE_ACCEPT).not.toMatch(/svg|image\/\*/);
		expect(IMAGE_ACCEPT.split(',')).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', '.webp']));
	});
	it('refuses files above the size limit, not at it', () => {
		expect(checkImageFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES })).toBeNull();
		expect(checkImageFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toBe(
			'too-large'
		);
	});
});

describe('drops and pastes', () => {
	it('takes the first image of several files, else the first file, or null when there is none', () => {
		const file = new File(['x'], 'a.png', { type: 'image/png' });
		const notes = new File(['x'], 'notes.txt', { type: 'text/plain' });
		const svg = new File(['<svg/>'], 'b.svg', { type: 'image/svg+xml' });
		const unnamed = new File(['x'], 'scan', { type: '' });
		const files = (list: File[]) => ({ files: list as unknown as FileList });
		expect(firstFile(files([file]))).toBe(file);
		expect(firstFile(files([notes, svg, file]))).toBe(file);
		expect(firstFile(files([unnamed, notes]))).toBe(unnamed);
		expect(firstFile(files([]))).toBeNull();
		expect(firstFile(null)).toBeNull();
	});
	it('lights the drop zone only for drags that carry files', () => {
		expect(dragHasFiles({ types: ['text/plain', 'Files'] })).toBe(true);
		expect(dragHasFiles({ types: ['text/uri-list'] })).toBe(false);
		expect(dragHasFiles(undefined)).toBe(false);
	});
});

describe('camera', () => {
	it('maps getUserMedia errors to reasons the reader can act on', () => {
		expect(cameraErrorCode(new DOMException('no', 'NotAllowedError'))).toBe('camera-denied');
		expect(cameraErrorCode(new DOMException('no', 'NotFoundError'))).toBe('camera-missing');
		expect(cameraErrorCode(new DOMException('no', 'NotReadableError'))).toBe('camera-busy');
		expect(cameraErrorCode(new TypeError('getUserMedia is not a function'))).toBe('camera-unsupported');
		expect(cameraErrorCode(undefined)).toBe('camera-unsupported');
	});
	it('knows when getUserMedia is missing (insecure pages, old browsers)', () => {
		expect(cameraSupported({})).toBe(false);
		expect(cameraSupported({ mediaDevices: { getUserMedia: async () => new MediaStream() } } as never)).toBe(
			true
		);
	});
});
