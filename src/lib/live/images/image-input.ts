/**
 * Reader inputs → an image to classify (pure): which files are accepted, where a dropped or pasted
 * image is found, and what a camera failure means. Every failure has a stable code that the
 * components translate.
 */

/** Why an input cannot be classified. */
export type InputErrorCode =
	/** The file is not an image type (or is a weights file dropped on the image area). */
	| 'not-an-image'
	/** An SVG drawing: browsers cannot decode it off the page, and it has no pixels of its own. */
	| 'svg-unsupported'
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

/**
 * What file pickers accept: the raster formats browsers decode (not SVG, which a worker cannot
 * decode). Image MIME types still let phones offer their camera and gallery.
 */
export const IMAGE_ACCEPT = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/gif',
	'image/avif',
	'image/bmp',
	'image/x-icon',
	'image/vnd.microsoft.icon',
	'.jpg',
	'.jpeg',
	'.png',
	'.webp',
	'.gif',
	'.avif',
	'.bmp',
	'.ico'
].join(',');

interface FileLike {
	name: string;
	type: string;
	size: number;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|avif|bmp|ico)$/i;
const isSvg = (file: FileLike) => /^image\/svg/i.test(file.type) || /\.svgz?$/i.test(file.name);
/** A type that says nothing: none (common for files from some OSes) or the generic binary one. */
const saysNothing = (type: string) => type === '' || type === 'application/octet-stream';

/**
 * Null when `file` may be decoded, 'sniff' when neither its type nor its name says what it is (its
 * first bytes must tell: `imageFormat`), else why not.
 */
export function checkImageFile(file: FileLike): InputErrorCode | 'sniff' | null {
	if (isSvg(file)) return 'svg-unsupported';
	const known = saysNothing(file.type) ? IMAGE_EXTENSIONS.test(file.name) : file.type.startsWith('image/');
	if (!known && !saysNothing(file.type)) return 'not-an-image';
	if (file.size > MAX_IMAGE_BYTES) return 'too-large';
	return known ? null : 'sniff';
}

/**
 * The file of a drop or paste to use: the first that says it is an image, else the first file (its
 * bytes may still show an image), or null (text, links and empty transfers have none).
 */
export function firstFile(transfer: { files: FileList | null } | null | undefined): File | null {
	const files = Array.from(transfer?.files ?? []);
	const saysImage = (f: File) => checkImageFile({ name: f.name, type: f.type, size: 0 }) === null;
	return files.find(saysImage) ?? files[0] ?? null;
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
