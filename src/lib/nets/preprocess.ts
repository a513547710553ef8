/**
 * Image → normalized NHWC input tensor, as timm's eval transform for the ImageNet checkpoints
 * (facts.md D.4): `Resize(256, bicubic)` on the shorter side, `CenterCrop(224)`, `ToTensor` (/255),
 * `Normalize(mean, std)`.
 *
 * What we match, and how exactly:
 * - timm reads images with PIL, so torchvision's `Resize` calls PIL's `Image.resize(..., BICUBIC)`.
 *   `resizeBicubicPil` is a re-implementation of that algorithm (Pillow `Resample.c`): separable
 *   Keys cubic with a = -0.5 whose support widens with the downscale factor (so it antialiases
 *   like a box-filtered cubic), horizontal pass first, 22-bit fixed-point weights, rounding and
 *   clamping to uint8 after each pass. On the same uint8 RGB pixels it gives the same bytes as PIL
 *   (checked against Pillow 9.4 in the tests).
 * - Crop offsets follow torchvision `CenterCrop`: `round((size - crop) / 2)` with Python's
 *   round-half-to-even; a crop larger than the image pads with `padValue` first (left/top pad is
 *   `floor((crop - size) / 2)`), which is how the Fashion-MNIST path pads 28 → 32.
 * - Scaling and normalization are done in float32 in the same order as torchvision, so equal bytes
 *   give bit-equal inputs.
 * What can differ from timm in the browser: the decoder (JPEG decoders differ by ±1–2 levels,
 * browsers may apply ICC colour profiles, PIL does not), and images above `maxSourcePixels`, which
 * the browser first shrinks on a canvas (quality 'high') before the exact resize runs.
 *
 * The geometry and pixel maths are pure and run in Node; `readPixels` needs a browser (a page or a
 * Web Worker: OffscreenCanvas and createImageBitmap), and `inputTensor` is given tfjs by its caller.
 */
import type * as tfType from '@tensorflow/tfjs-core';
import { TIMM_IMAGENET_EVAL, type PreprocessConfig, type Rgb } from './preprocess-config';

/** Pixels in memory: rows of `width` pixels, `channels` bytes each (ImageData is channels 4, RGBA). */
export interface RawImage {
	data: Uint8Array | Uint8ClampedArray;
	width: number;
	height: number;
	channels: 1 | 3 | 4;
}

export interface Size {
	width: number;
	height: number;
}

/** A crop rectangle; negative `left`/`top` mean padding before the first source pixel. */
export interface CropBox {
	left: number;
	top: number;
	width: number;
	height: number;
}

/** The geometry of one preprocessing run. */
export interface EvalPlan {
	source: Size;
	resized: Size;
	crop: CropBox;
}

/** Python's `round()` (half to even), which torchvision's `CenterCrop` uses. */
export function roundHalfEven(x: number): number {
	const floor = Math.floor(x);
	const diff = x - floor;
	if (diff > 0.5) return floor + 1;
	if (diff < 0.5) return floor;
	return floor % 2 === 0 ? floor : floor + 1;
}

/** Size after torchvision `Resize(shorter)`: the shorter side becomes `shorter`, the longer is truncated. */
export function resizedSize(width: number, height: number, shorter: number | null): Size {
	if (shorter === null || Math.min(width, height) === shorter) return { width, height };
	if (width <= height) return { width: shorter, height: Math.trunc((shorter * height) / width) };
	return { width: Math.trunc((shorter * width) / height), height: shorter };
}

function cropOffset(size: number, crop: number): number {
	if (crop > size) return -Math.floor((crop - size) / 2);
	return roundHalfEven((size - crop) / 2);
}

/** torchvision `CenterCrop(crop)` on an image of the given size. */
export function centerCropBox(width: number, height: number, crop: number): CropBox {
	return { left: cropOffset(width, crop), top: cropOffset(height, crop), width: crop, height: crop };
}

/** Resize target and crop box for a source image under `config`. */
export function planEval(width: number, height: number, config: PreprocessConfig): EvalPlan {
	if (!(width > 0 && height > 0)) throw new RangeError(`image has no pixels (${width}×${height})`);
	const resized = resizedSize(width, height, config.resizeShorter);
	return {
		source: { width, height },
		resized,
		crop: centerCropBox(resized.width, resized.height, config.crop)
	};
}

const PRECISION_BITS = 22;

/** Keys cubic convolution kernel with a = -0.5 (PIL's BICUBIC filter). */
function keysCubic(t: number): number {
	const a = -0.5;
	const x = Math.abs(t);
	if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
	if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
	return 0;
}

/** Filter taps of one axis for output indices `first … first + count - 1`, as PIL computes them. */
interface AxisTaps {
	/** First input index of each output. */
	start: Int32Array;
	/** Number of inputs of each output. */
	length: Int32Array;
	/** `kernelSize` fixed-point weights per output. */
	weights: Int32Array;
	kernelSize: number;
}

function axisTaps(inSize: number, outSize: number, first: number, count: number): AxisTaps {
	const scale = inSize / outSize;
	const filterScale = Math.max(scale, 1);
	const support = 2 * filterScale;
	const kernelSize = Math.ceil(support) * 2 + 1;
	const taps: AxisTaps = {
		start: new Int32Array(count),
		length: new Int32Array(count),
		weights: new Int32Array(count * kernelSize),
		kernelSize
	};
	const raw = new Float64Array(kernelSize);
	for (let i = 0; i < count; i++) {
		const center = (first + i + 0.5) * scale;
		const min = Math.max(Math.trunc(center - support + 0.5), 0);
		const n = Math.min(Math.trunc(center + support + 0.5), inSize) - min;
		let sum = 0;
		for (let k = 0; k < n; k++) sum += raw[k] = keysCubic((k + min - center + 0.5) / filterScale);
		for (let k = 0; k < n; k++) {
			const w = sum !== 0 ? raw[k] / sum : raw[k];
			taps.weights[i * kernelSize + k] = Math.trunc(w * (1 << PRECISION_BITS) + (w < 0 ? -0.5 : 0.5));
		}
		taps.start[i] = min;
		taps.length[i] = n;
	}
	return taps;
}

function clip8(acc: number): number {
	const v = acc >> PRECISION_BITS;
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** A region of the resized image to compute (a crop of it), clipped to its bounds. */
interface Region {
	left: number;
	top: number;
	width: number;
	height: number;
}

/**
 * PIL `Image.resize((outWidth, outHeight), BICUBIC)` of the first `bands` channels, but only the
 * output pixels inside `region` (equal to resizing everything and then cropping: PIL computes each
 * output pixel from its own taps). Returns `region.width × region.height × bands` bytes.
 */
export function resizeBicubicPil(
	image: RawImage,
	bands: 1 | 3,
	outWidth: number,
	outHeight: number,
	region: Region = { left: 0, top: 0, width: outWidth, height: outHeight }
): Uint8Array {
	const needH = outWidth !== image.width;
	const needV = outHeight !== image.height;
	const rows = needV ? axisTaps(image.height, outHeight, region.top, region.height) : null;
	const firstRow = rows ? rows.start[0] : region.top;
	const lastRow = rows
		? rows.start[region.height - 1] + rows.length[region.height - 1]
		: region.top + region.height;
	const horizontal = needH
		? resampleRows(
				image,
				bands,
				axisTaps(image.width, outWidth, region.left, region.width),
				firstRow,
				lastRow
			)
		: copyRows(image, bands, region.left, region.width, firstRow, lastRow);
	if (!rows) return horizontal;
	return resampleColumns(horizontal, bands, region.width, rows, firstRow);
}

function copyRows(image: RawImage, bands: number, left: number, width: number, from: number, to: number) {
	const out = new Uint8Array(width * (to - from) * bands);
	let o = 0;
	for (let y = from; y < to; y++) {
		for (let x = left; x < left + width; x++) {
			const p = (y * image.width + x) * image.channels;
			for (let c = 0; c < bands; c++) out[o++] = image.data[p + c];
		}
	}
	return out;
}

function resampleRows(image: RawImage, bands: number, taps: AxisTaps, from: number, to: number) {
	if (bands !== 3) return resampleRowsAnyBands(image, bands, taps, from, to);
	const outWidth = taps.start.length;
	const out = new Uint8Array(outWidth * (to - from) * 3);
	const { data, channels, width } = image;
	const { start, length, weights, kernelSize } = taps;
	const half = 1 << (PRECISION_BITS - 1);
	let o = 0;
	for (let y = from; y < to; y++) {
		for (let x = 0; x < outWidth; x++) {
			let p = (y * width + start[x]) * channels;
			let r = half;
			let g = half;
			let b = half;
			for (let k = 0, w0 = x * kernelSize; k < length[x]; k++, p += channels) {
				const w = weights[w0 + k];
				r += data[p] * w;
				g += data[p + 1] * w;
				b += data[p + 2] * w;
			}
			out[o++] = clip8(r);
			out[o++] = clip8(g);
			out[o++] = clip8(b);
		}
	}
	return out;
}

function resampleRowsAnyBands(image: RawImage, bands: number, taps: AxisTaps, from: number, to: number) {
	const outWidth = taps.start.length;
	const out = new Uint8Array(outWidth * (to - from) * bands);
	const { data, channels, width } = image;
	const acc = new Float64Array(bands);
	let o = 0;
	for (let y = from; y < to; y++) {
		for (let x = 0; x < outWidth; x++) {
			acc.fill(1 << (PRECISION_BITS - 1));
			const w0 = x * taps.kernelSize;
			for (let k = 0; k < taps.length[x]; k++) {
				const p = (y * width + taps.start[x] + k) * channels;
				for (let c = 0; c < bands; c++) acc[c] += data[p + c] * taps.weights[w0 + k];
			}
			for (let c = 0; c < bands; c++) out[o++] = clip8(acc[c]);
		}
	}
	return out;
}

function resampleColumns(src: Uint8Array, bands: number, width: number, taps: AxisTaps, firstRow: number) {
	const outHeight = taps.start.length;
	const out = new Uint8Array(width * outHeight * bands);
	const stride = width * bands;
	let o = 0;
	for (let y = 0; y < outHeight; y++) {
		const start = taps.start[y] - firstRow;
		const w0 = y * taps.kernelSize;
		for (let i = 0; i < stride; i++) {
			let acc = 1 << (PRECISION_BITS - 1);
			for (let k = 0; k < taps.length[y]; k++) acc += src[(start + k) * stride + i] * taps.weights[w0 + k];
			out[o++] = clip8(acc);
		}
	}
	return out;
}

/** Luma as PIL's `convert('L')` computes it: (R·19595 + G·38470 + B·7471 + 2¹⁵) >> 16. */
export function toGray(image: RawImage): RawImage {
	if (image.channels === 1) return image;
	const n = image.width * image.height;
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const p = i * image.channels;
		out[i] = (image.data[p] * 19595 + image.data[p + 1] * 38470 + image.data[p + 2] * 7471 + 0x8000) >> 16;
	}
	return { data: out, width: image.width, height: image.height, channels: 1 };
}

/**
 * Resize and center-crop `image` as `plan` says, padding where the crop leaves the image.
 * Returns `crop.width × crop.height × bands` bytes (bands 1 for a gray image, else 3; alpha is
 * dropped without compositing, as PIL's `convert('RGB')` does).
 */
export function resizeAndCrop(image: RawImage, plan: EvalPlan, padValue = 0): Uint8Array {
	const bands = image.channels === 1 ? 1 : 3;
	const { crop, resized } = plan;
	const left = Math.max(crop.left, 0);
	const top = Math.max(crop.top, 0);
	const inner = {
		left,
		top,
		width: Math.min(crop.left + crop.width, resized.width) - left,
		height: Math.min(crop.top + crop.height, resized.height) - top
	};
	const pixels = resizeBicubicPil(image, bands, resized.width, resized.height, inner);
	if (inner.width === crop.width && inner.height === crop.height) return pixels;
	const out = new Uint8Array(crop.width * crop.height * bands).fill(padValue);
	for (let y = 0; y < inner.height; y++) {
		const to = ((top - crop.top + y) * crop.width + (left - crop.left)) * bands;
		out.set(pixels.subarray(y * inner.width * bands, (y + 1) * inner.width * bands), to);
	}
	return out;
}

/**
 * `ToTensor` + `Normalize` in float32: `(v / 255 − mean) / std` per channel, written NHWC with 3
 * channels (a 1-band input is repeated into R, G and B).
 */
export function normalizeToNhwc(pixels: Uint8Array, bands: 1 | 3, mean: Rgb, std: Rgb): Float32Array {
	const count = pixels.length / bands;
	const out = new Float32Array(count * 3);
	const m = mean.map(Math.fround);
	const s = std.map(Math.fround);
	for (let i = 0; i < count; i++) {
		for (let c = 0; c < 3; c++) {
			const v = Math.fround(pixels[i * bands + (bands === 1 ? 0 : c)] / 255);
			out[i * 3 + c] = Math.fround(v - m[c]) / s[c];
		}
	}
	return out;
}

/** The network input and what it was made from. */
export interface PreprocessedImage {
	/** `[crop, crop, 3]` normalized values, NHWC (batch of one). */
	input: Float32Array;
	/** `[1, crop, crop, 3]`. */
	shape: [1, number, number, 3];
	/** The cropped pixels the network sees, RGB bytes (`crop × crop × 3`), for display. */
	preview: Uint8Array;
	plan: EvalPlan;
}

/** The whole eval transform on pixels in memory (pure; Node and browser). */
export function preprocessPixels(image: RawImage, config: PreprocessConfig = TIMM_IMAGENET_EVAL) {
	const source = config.color === 'gray' ? toGray(image) : image;
	const plan = planEval(source.width, source.height, config);
	const cropped = resizeAndCrop(source, plan, config.padValue);
	const bands = source.channels === 1 ? 1 : 3;
	const preview = bands === 3 ? cropped : expandGray(cropped);
	const input = normalizeToNhwc(cropped, bands, config.mean, config.std);
	const result: PreprocessedImage = { input, shape: [1, config.crop, config.crop, 3], preview, plan };
	return result;
}

function expandGray(gray: Uint8Array): Uint8Array {
	const out = new Uint8Array(gray.length * 3);
	for (let i = 0; i < gray.length; i++) out[i * 3] = out[i * 3 + 1] = out[i * 3 + 2] = gray[i];
	return out;
}

/** Anything the browser can draw: decoded images, canvases, video frames, or an image file. */
export type ImageSourceLike =
	| HTMLImageElement
	| HTMLCanvasElement
	| HTMLVideoElement
	| ImageBitmap
	| OffscreenCanvas
	| VideoFrame
	| ImageData
	| Blob;

/** Largest source (in pixels) read at full size; bigger ones are shrunk on a canvas first. */
export const DEFAULT_MAX_SOURCE_PIXELS = 2048 * 2048;

/**
 * Size to which a source is shrunk before the exact resize, or null to read it at full size.
 * Keeps at most `maxPixels` pixels but never lets the shorter side fall below twice `shorter`, so
 * the final bicubic step still has real pixels to average.
 */
export function presizeTarget(
	width: number,
	height: number,
	shorter: number,
	maxPixels: number
): Size | null {
	if (width * height <= maxPixels) return null;
	const byPixels = Math.sqrt(maxPixels / (width * height));
	const scale = Math.min(1, Math.max(byPixels, (2 * shorter) / Math.min(width, height)));
	if (scale >= 1) return null;
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Intermediate sizes for shrinking by repeated halving (each step at most 2×, which bilinear
 * canvas scaling handles without aliasing), ending at `target`.
 */
export function halvingSteps(from: Size, target: Size): Size[] {
	const steps: Size[] = [];
	let { width, height } = from;
	while (width >= 2 * target.width && height >= 2 * target.height) {
		width = Math.round(width / 2);
		height = Math.round(height / 2);
		steps.push({ width, height });
	}
	if (width !== target.width || height !== target.height) steps.push(target);
	return steps;
}

/** Displayed (EXIF-oriented where the browser applies it) size of a drawable source. */
export function sourceSize(source: Exclude<ImageSourceLike, Blob>): Size {
	if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight };
	if ('videoWidth' in source) return { width: source.videoWidth, height: source.videoHeight };
	if ('displayWidth' in source) return { width: source.displayWidth, height: source.displayHeight };
	return { width: source.width, height: source.height };
}

/** Why an image could not be read; `code` is stable for translation. */
export type ImageReadErrorCode =
	| 'decode-failed'
	| 'empty-image'
	| 'cross-origin'
	| 'no-canvas'
	/** Refused before decoding: the header announces too many pixels (the caller's limit). */
	| 'too-many-pixels';

export class ImageReadError extends Error {
	readonly code: ImageReadErrorCode;
	constructor(code: ImageReadErrorCode, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'ImageReadError';
		this.code = code;
	}
}

type Drawable = Exclude<ImageSourceLike, Blob | ImageData>;
type Context2d = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function newCanvas(size: Size): { canvas: HTMLCanvasElement | OffscreenCanvas; context: Context2d } {
	const canvas =
		typeof OffscreenCanvas !== 'undefined'
			? new OffscreenCanvas(size.width, size.height)
			: Object.assign(document.createElement('canvas'), size);
	const context = canvas.getContext('2d', { willReadFrequently: true }) as Context2d | null;
	if (!context) throw new ImageReadError('no-canvas', 'no 2D canvas context');
	context.imageSmoothingEnabled = true;
	context.imageSmoothingQuality = 'high';
	return { canvas, context };
}

// timm decodes with PIL, which ignores ICC colour profiles; 'none' makes the browser do the same
// (an Adobe RGB JPEG otherwise differs by up to ~30 levels per channel).
const RAW_DECODE: ImageBitmapOptions = { imageOrientation: 'from-image', colorSpaceConversion: 'none' };

async function decodeBlob(blob: Blob): Promise<ImageBitmap> {
	try {
		return await createImageBitmap(blob, RAW_DECODE);
	} catch (cause) {
		throw new ImageReadError('decode-failed', 'the file is not an image this browser can decode', { cause });
	}
}

/** An `<img>` re-decoded without colour management where the browser can, else the element itself. */
async function decodeElement(image: HTMLImageElement): Promise<Drawable> {
	try {
		return await createImageBitmap(image, RAW_DECODE);
	} catch {
		return image;
	}
}

async function decode(source: Exclude<ImageSourceLike, ImageData>): Promise<Drawable> {
	if (source instanceof Blob) return decodeBlob(source);
	if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement)
		return decodeElement(source);
	return source;
}

/** Shrinks with the browser's high-quality scaler, or by halving steps where it ignores the request. */
async function shrink(source: Drawable, from: Size, target: Size): Promise<Drawable> {
	try {
		const bitmap = await createImageBitmap(source, {
			resizeWidth: target.width,
			resizeHeight: target.height,
			resizeQuality: 'high'
		});
		if (bitmap.width === target.width && bitmap.height === target.height) return bitmap;
		bitmap.close();
	} catch {
		// Older engines reject the resize options: fall through to canvas halving.
	}
	let current: Drawable = source;
	let size = from;
	for (const step of halvingSteps(from, target)) {
		const { canvas, context } = newCanvas(step);
		context.drawImage(current, 0, 0, size.width, size.height, 0, 0, step.width, step.height);
		[current, size] = [canvas, step];
	}
	return current;
}

function pixelsOf(source: Drawable, size: Size): RawImage {
	const { context } = newCanvas(size);
	context.drawImage(source, 0, 0, size.width, size.height);
	try {
		const { data, width, height } = context.getImageData(0, 0, size.width, size.height);
		return { data, width, height, channels: 4 };
	} catch (cause) {
		throw new ImageReadError('cross-origin', 'the image comes from another site without CORS', { cause });
	}
}

function isImageData(source: ImageSourceLike): source is ImageData {
	return typeof ImageData !== 'undefined' && source instanceof ImageData;
}

/** Options of `readPixels` and `preprocessImage`. */
export interface ReadOptions {
	/** Sources larger than this many pixels are shrunk first (default 2048², about 4 megapixels). */
	maxSourcePixels?: number;
}

/**
 * Decoded RGBA pixels of a source (browser only). Files and `<img>` elements are decoded with their
 * EXIF orientation applied and without colour management (as PIL does); sources above
 * `maxSourcePixels` are shrunk on a canvas so that no full-size buffer of a huge image is ever read
 * into JavaScript. `minShorter` is the shorter side the caller will resize to, which bounds how far
 * the shrinking may go.
 */
export async function readPixels(
	source: ImageSourceLike,
	minShorter: number,
	options: ReadOptions = {}
): Promise<RawImage> {
	if (isImageData(source))
		return { data: source.data, width: source.width, height: source.height, channels: 4 };
	const decoded = await decode(source);
	try {
		const size = sourceSize(decoded);
		if (!(size.width > 0 && size.height > 0))
			throw new ImageReadError('empty-image', 'the image has no pixels yet');
		const maxPixels = options.maxSourcePixels ?? DEFAULT_MAX_SOURCE_PIXELS;
		const target = presizeTarget(size.width, size.height, minShorter, maxPixels);
		const drawable = target ? await shrink(decoded, size, target) : decoded;
		const pixels = pixelsOf(drawable, target ?? size);
		if (drawable !== decoded && 'close' in drawable) drawable.close();
		return pixels;
	} finally {
		if (decoded !== source && 'close' in decoded) decoded.close();
	}
}

/** Reads and preprocesses an image in the browser (no tfjs needed). */
export async function preprocessImage(
	source: ImageSourceLike,
	config: PreprocessConfig = TIMM_IMAGENET_EVAL,
	options: ReadOptions = {}
): Promise<PreprocessedImage> {
	const pixels = await readPixels(source, config.resizeShorter ?? config.crop, options);
	return preprocessPixels(pixels, config);
}

/** The `[1, crop, crop, 3]` float32 input tensor of a preprocessed image; the caller disposes it. */
export function inputTensor(tf: typeof tfType, image: PreprocessedImage): tfType.Tensor4D {
	return tf.tensor4d(image.input, image.shape, 'float32');
}
