/**
 * Reader inputs → an image to classify (pure): which files are accepted, where a dropped or pasted
 * image is found, and what a camera failure means. Every failure has a stable code that the
 * components translate.
 */

/** Why an input cannot be classified. */
export type InputErrorCode =
	/** The file is not an image type (or is a weights file dropped on the image area). */
	| 'not-an-image'
	/** The file is larger than MAX_IMAGE_BYTES. */
	| 'too-large'
	/** The header announces more pixels than MAX_IMAGE_PIXELS (image-size.ts). */
	| 'too-many-pixels'
	/** Nothing usable was dropped or pasted. */
	| 'nothing-found'
	/** The browser could not decode the bytes (a broken or truncated image). */
	| 'decode-failed'
	/** The decoded image has no pixels. */
	| 'empty-image'
	/** The pixels cannot be read (an image from another site without CORS). */
	| 'cross-origin'
	/** No 2D canvas to read pixels with. */
	| 'no-canvas';

/**
 * Files above this size are refused before decoding: a photo from a phone is under 20 MB, and a
 * bigger compressed file can decode to more memory than a tab may use. Large *dimensions* within
 * this size are fine: preprocessing shrinks them first.
 */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

/** What file pickers accept; `image/*` lets phones offer their camera and gallery. */
export const IMAGE_ACCEPT = 'image/*';

interface FileLike {
	name: string;
	type: string;
	size: number;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|avif|bmp|ico|svg)$/i;

/** An empty type is common for files from some OSes; fall back to the extension then. */
function looksLikeImage(file: FileLike): boolean {
	if (file.type) return file.type.startsWith('image/');
	return IMAGE_EXTENSIONS.test(file.name);
}

/** Null when `file` may be decoded, else why not. */
export function checkImageFile(file: FileLike): InputErrorCode | null {
	if (!looksLikeImage(file)) return 'not-an-image';
	if (file.size > MAX_IMAGE_BYTES) return 'too-large';
	return null;
}

/** The first file of a drop or paste, or null (text, links and empty transfers have none). */
export function firstFile(transfer: { files: FileList | null } | null | undefined): File | null {
	const files = transfer?.files;
	return files && files.length > 0 ? files[0] : null;
}

/** A drag carries files (as opposed to text or a link), so the drop zone should light up. */
export function dragHasFiles(transfer: Pick<DataTransfer, 'types'> | null | undefined): boolean {
	return Array.from(transfer?.types ?? []).includes('Files');
}

/** Why the camera cannot be used. */
export type CameraErrorCode =
	/** The reader or the browser's settings refused access. */
	| 'camera-denied'
	/** No camera is connected. */
	| 'camera-missing'
	/** A camera exists but another program holds it, or it failed to start. */
	| 'camera-busy'
	/** No `getUserMedia` here: an old browser or an insecure (http) page. */
	| 'camera-unsupported';

/** Maps a `getUserMedia` rejection (a DOMException name) to a code. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
	const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
	switch (name) {
		case 'NotAllowedError':
		case 'SecurityError':
		case 'PermissionDeniedError':
			return 'camera-denied';
		case 'NotFoundError':
		case 'OverconstrainedError':
		case 'DevicesNotFoundError':
			return 'camera-missing';
		case 'NotReadableError':
		case 'AbortError':
		case 'TrackStartError':
			return 'camera-busy';
		default:
			return 'camera-unsupported';
	}
}

/** Whether this page can ask for the camera at all. */
export function cameraSupported(nav: Partial<Navigator> | undefined = globalThis.navigator): boolean {
	return typeof nav?.mediaDevices?.getUserMedia === 'function';
}
