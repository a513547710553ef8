import { describe, expect, it } from 'vitest';
import {
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
	it('refuses other files, including weights dropped in the wrong place', () => {
		expect(checkImageFile({ name: 'model.safetensors', type: '', size: 1000 })).toBe('not-an-image');
		expect(checkImageFile({ name: 'notes.txt', type: 'text/plain', size: 10 })).toBe('not-an-image');
	});
	it('refuses files above the size limit, not at it', () => {
		expect(checkImageFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES })).toBeNull();
		expect(checkImageFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toBe(
			'too-large'
		);
	});
});

describe('drops and pastes', () => {
	it('takes the first file, or null when there is none', () => {
		const file = new File(['x'], 'a.png', { type: 'image/png' });
		expect(firstFile({ files: [file] as unknown as FileList })).toBe(file);
		expect(firstFile({ files: [] as unknown as FileList })).toBeNull();
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
