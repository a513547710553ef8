import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
	centerCropBox,
	halvingSteps,
	inputTensor,
	normalizeToNhwc,
	planEval,
	preprocessPixels,
	presizeTarget,
	resizeBicubicPil,
	resizedSize,
	roundHalfEven,
	sourceSize,
	toGray,
	type RawImage
} from './preprocess';
import {
	IMAGENET_MEAN,
	IMAGENET_STD,
	imagenetEvalConfig,
	TIMM_IMAGENET_EVAL,
	type PreprocessConfig
} from './preprocess-config';

/*
 * Golden values come from the reference implementation, not from this module: Pillow 9.4
 * (`Image.resize(..., BICUBIC)`, `convert('L')`), torchvision's Resize/CenterCrop arithmetic written
 * out in Python (`int(256 * long / short)`, `int(round((size - 224) / 2.0))`), and torch 1.13 float32
 * for ToTensor + Normalize, on the synthetic image `synth` below (the same integer formula in both
 * languages). Script: Debian python3-pil + python3-torch,
 *   a = synth(w, h); c = PIL resize + crop; t = torch.from_numpy(c).permute(2,0,1).float().div(255)
 *   t.sub_(mean).div_(std)   (mean/std as float32 tensors)
 */
function synth(width: number, height: number): RawImage {
	const data = new Uint8Array(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const p = (y * width + x) * 3;
			data[p] = (x * 37 + y * 11) % 256;
			data[p + 1] = (x * x * 3 + y * 29 + 7) % 256;
			data[p + 2] = ((x ^ y) * 53 + x * y) % 256;
		}
	}
	return { data, width, height, channels: 3 };
}

function withAlpha(image: RawImage): RawImage {
	const n = image.width * image.height;
	const data = new Uint8ClampedArray(n * 4);
	for (let i = 0; i < n; i++) {
		data.set(image.data.subarray(i * 3, i * 3 + 3), i * 4);
		data[i * 4 + 3] = (i * 7) % 256;
	}
	return { data, width: image.width, height: image.height, channels: 4 };
}

function fnv1a(bytes: Uint8Array): number {
	let hash = 0x811c9dc5;
	for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
	return hash;
}

// prettier-ignore
const SYNTH_7x5 = [0, 7, 0, 37, 10, 53, 74, 19, 106, 111, 34, 159, 148, 55, 212, 185, 82, 9, 222, 115, 62, 11, 36, 53, 48, 39, 1, 85, 48, 161, 122, 63, 109, 159, 84, 13, 196, 111, 217, 233, 144, 121, 22, 65, 106, 59, 68, 161, 96, 77, 4, 133, 92, 59, 170, 113, 70, 207, 140, 125, 244, 173, 224, 33, 94, 159, 70, 97, 109, 107, 106, 59, 144, 121, 9, 181, 142, 127, 218, 169, 77, 255, 202, 27, 44, 123, 212, 81, 126, 13, 118, 135, 70, 155, 150, 127, 192, 171, 16, 229, 198, 73, 10, 231, 130];
// PIL: Image.fromarray(synth(7, 5)).resize((w, h), Image.BICUBIC)
// prettier-ignore
const PIL_BICUBIC: Record<string, number[]> = {
	'4x3': [19, 18, 21, 81, 30, 119, 149, 63, 129, 211, 111, 93, 37, 66, 112, 99, 78, 60, 167, 111, 73, 234, 159, 153, 55, 114, 131, 117, 126, 60, 191, 159, 69, 165, 207, 78],
	'3x2': [36, 34, 62, 120, 60, 106, 207, 116, 118, 62, 100, 110, 148, 126, 58, 196, 182, 96],
	'11x8': [0, 5, 0, 12, 6, 19, 39, 9, 62, 63, 14, 89, 86, 22, 122, 110, 32, 163, 134, 45, 225, 157, 60, 176, 181, 77, 5, 208, 101, 19, 224, 115, 63, 3, 17, 20, 17, 18, 15, 44, 21, 31, 68, 26, 110, 91, 34, 146, 115, 44, 142, 139, 57, 137, 162, 72, 122, 186, 89, 99, 213, 113, 85, 229, 127, 79, 9, 38, 60, 25, 39, 27, 52, 42, 12, 76, 47, 125, 99, 55, 155, 123, 65, 106, 147, 78, 24, 170, 93, 53, 194, 110, 211, 221, 134, 177, 237, 148, 120, 15, 56, 87, 32, 57, 106, 59, 60, 116, 83, 65, 60, 106, 73, 50, 130, 83, 75, 154, 96, 47, 177, 111, 67, 201, 128, 152, 228, 152, 197, 244, 166, 216, 22, 74, 120, 38, 75, 147, 65, 78, 154, 89, 83, 41, 112, 91, 3, 136, 101, 38, 160, 114, 76, 183, 129, 98, 207, 146, 102, 239, 170, 147, 255, 184, 179, 29, 92, 159, 45, 93, 141, 72, 96, 109, 96, 101, 72, 119, 109, 31, 143, 119, 8, 167, 132, 89, 190, 147, 126, 214, 164, 84, 245, 188, 48, 255, 202, 28, 37, 113, 204, 53, 114, 132, 80, 117, 44, 104, 122, 60, 127, 130, 74, 151, 140, 78, 175, 153, 67, 202, 168, 63, 228, 185, 71, 158, 209, 77, 101, 223, 80, 42, 125, 231, 58, 126, 125, 85, 129, 2, 109, 134, 46, 132, 142, 103, 156, 152, 135, 180, 165, 48, 210, 180, 11, 236, 197, 66, 93, 221, 114, 0, 235, 142]
};
// PIL: Image.fromarray(synth(7, 5)).convert('L')
// prettier-ignore
const PIL_GRAY_7x5 = [4, 23, 45, 71, 101, 104, 141, 30, 37, 72, 86, 98, 148, 168, 57, 76, 74, 100, 125, 158, 200, 83, 90, 101, 115, 152, 173, 198, 110, 100, 123, 149, 160, 193, 153];

/** Reference pipeline results: crop geometry, FNV-1a of the crop bytes, and values at (y, x). */
const TIMM_EVAL_GOLDEN = [
	{
		source: [683, 512],
		resized: [341, 256],
		crop: { left: 58, top: 16 },
		fnv: 1817338164,
		byteSum: 19222067,
		floatSum: 34623.47124618944,
		at: [
			[0, 0, [64, 97, 106], [-1.0219197273254395, -0.33753496408462524, 0.04305018484592438]],
			[17, 100, [179, 124, 79], [0.9474270343780518, 0.13515405356884003, -0.42753803730010986]],
			[223, 223, [148, 190, 111], [0.4165596663951874, 1.2906162738800049, 0.13019615411758423]],
			[111, 5, [59, 206, 84], [-1.1075435876846313, 1.5707283020019531, -0.3403920829296112]]
		]
	},
	{
		source: [300, 451],
		resized: [256, 384],
		crop: { left: 16, top: 80 },
		fnv: 995089188,
		byteSum: 19232851,
		floatSum: 34811.57599416515,
		at: [
			[0, 0, [198, 196, 197], [1.2727973461151123, 1.395658254623413, 1.629106879234314]],
			[17, 100, [143, 183, 98], [0.33093592524528503, 1.168067216873169, -0.09638336300849915]],
			[223, 223, [213, 79, 68], [1.5296685695648193, -0.6526609659194946, -0.6192591786384583]],
			[111, 5, [39, 150, 105], [-1.4500386714935303, 0.5903362035751343, 0.025620991364121437]]
		]
	}
] as const;

describe('geometry (torchvision Resize(int) + CenterCrop)', () => {
	it('rounds half to even like Python', () => {
		expect([0.5, 1.5, 2.5, 58.5, 59.5, -1.5, 3.2, 3.7].map(roundHalfEven)).toEqual([
			0, 2, 2, 58, 60, -2, 3, 4
		]);
	});

	it('resizes the shorter side and truncates the longer one', () => {
		expect(resizedSize(683, 512, 256)).toEqual({ width: 341, height: 256 });
		expect(resizedSize(300, 451, 256)).toEqual({ width: 256, height: 384 });
		expect(resizedSize(4000, 3000, 256)).toEqual({ width: 341, height: 256 });
		expect(resizedSize(100, 100, 256)).toEqual({ width: 256, height: 256 });
		expect(resizedSize(28, 28, null)).toEqual({ width: 28, height: 28 });
	});

	it('centers the crop with half-to-even offsets and pads when the crop is larger', () => {
		expect(centerCropBox(341, 256, 224)).toEqual({ left: 58, top: 16, width: 224, height: 224 });
		expect(centerCropBox(343, 256, 224).left).toBe(60);
		expect(centerCropBox(28, 28, 32)).toEqual({ left: -2, top: -2, width: 32, height: 32 });
		expect(centerCropBox(27, 300, 32)).toEqual({ left: -2, top: 134, width: 32, height: 32 });
	});

	it('plans the timm eval transform (resize 256 = floor(224 / 0.875))', () => {
		expect(TIMM_IMAGENET_EVAL.resizeShorter).toBe(256);
		expect(imagenetEvalConfig(240, 0.875).resizeShorter).toBe(274);
		expect(planEval(683, 512, TIMM_IMAGENET_EVAL)).toEqual({
			source: { width: 683, height: 512 },
			resized: { width: 341, height: 256 },
			crop: { left: 58, top: 16, width: 224, height: 224 }
		});
		expect(() => planEval(0, 10, TIMM_IMAGENET_EVAL)).toThrow(RangeError);
	});
});

describe('resizeBicubicPil (Pillow BICUBIC)', () => {
	const image = synth(7, 5);

	it('builds the synthetic image the golden values were made from', () => {
		expect([...image.data]).toEqual(SYNTH_7x5);
	});

	it.each([
		[4, 3],
		[3, 2],
		[11, 8]
	])('matches PIL byte for byte at %i×%i', (w, h) => {
		expect([...resizeBicubicPil(image, 3, w, h)]).toEqual(PIL_BICUBIC[`${w}x${h}`]);
	});

	it('computes a region equal to the same crop of the full output', () => {
		const full = resizeBicubicPil(image, 3, 11, 8);
		const region = resizeBicubicPil(image, 3, 11, 8, { left: 2, top: 3, width: 5, height: 4 });
		const expected: number[] = [];
		for (let y = 3; y < 7; y++) expected.push(...full.subarray((y * 11 + 2) * 3, (y * 11 + 7) * 3));
		expect([...region]).toEqual(expected);
	});

	it('ignores alpha and reads RGBA like RGB', () => {
		expect([...resizeBicubicPil(withAlpha(image), 3, 4, 3)]).toEqual(PIL_BICUBIC['4x3']);
	});

	it('is the identity at the same size', () => {
		expect([...resizeBicubicPil(image, 3, 7, 5)]).toEqual(SYNTH_7x5);
	});

	it('converts to gray as PIL convert("L")', () => {
		expect([...toGray(image).data]).toEqual(PIL_GRAY_7x5);
	});

	it('resizes a gray image as PIL (down in both axes, and up in one)', () => {
		const gray = toGray(image);
		// PIL: Image.fromarray(synth(7, 5)).convert('L').resize((4, 3) and (10, 3), Image.BICUBIC)
		expect([...resizeBicubicPil(gray, 1, 4, 3)]).toEqual([
			18, 56, 96, 139, 62, 82, 123, 181, 98, 116, 159, 180
		]);
		// prettier-ignore
		expect([...resizeBicubicPil(gray, 1, 10, 3)]).toEqual([13, 19, 33, 54, 69, 84, 100, 115, 137, 153, 56, 63, 73, 78, 92, 108, 126, 151, 179, 198, 101, 98, 100, 114, 128, 143, 159, 181, 181, 172]);
	});
});

describe('preprocessPixels (timm eval, ImageNet checkpoints)', () => {
	it.each(TIMM_EVAL_GOLDEN)('matches PIL + torch for a $source.0×$source.1 image', (golden) => {
		const [width, height] = golden.source;
		const result = preprocessPixels(withAlpha(synth(width, height)), TIMM_IMAGENET_EVAL);
		expect(result.plan.resized).toEqual({ width: golden.resized[0], height: golden.resized[1] });
		expect(result.plan.crop).toMatchObject(golden.crop);
		expect(result.shape).toEqual([1, 224, 224, 3]);
		expect(result.input.length).toBe(224 * 224 * 3);
		expect(fnv1a(result.preview)).toBe(golden.fnv);
		expect(result.preview.reduce((a, b) => a + b, 0)).toBe(golden.byteSum);
		for (const [y, x, rgb, floats] of golden.at) {
			const p = (y * 224 + x) * 3;
			expect([...result.preview.subarray(p, p + 3)]).toEqual(rgb);
			expect([...result.input.subarray(p, p + 3)]).toEqual(floats);
		}
		expect(result.input.reduce((a, b) => a + b, 0)).toBeCloseTo(golden.floatSum, 6);
	});

	it('normalizes as torch float32: (v / 255 - mean) / std', () => {
		const out = normalizeToNhwc(new Uint8Array([0, 128, 255]), 3, IMAGENET_MEAN, IMAGENET_STD);
		// torch: (torch.tensor([0,128,255]).float().div(255) - mean) / std, float32
		expect([...out]).toEqual([-2.1179039478302, 0.20518219470977783, 2.640000104904175]);
	});

	it('pads 28×28 gray to 32×32 and repeats it into 3 channels (Fashion-MNIST)', () => {
		const gray = new Uint8Array(28 * 28).map((_, i) => (i * 13) % 256);
		const config: PreprocessConfig = {
			resizeShorter: null,
			crop: 32,
			mean: [0.5, 0.5, 0.5],
			std: [0.25, 0.25, 0.25],
			color: 'gray',
			padValue: 0
		};
		const result = preprocessPixels({ data: gray, width: 28, height: 28, channels: 1 }, config);
		expect(result.shape).toEqual([1, 32, 32, 3]);
		const at = (y: number, x: number) => [...result.input.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3)];
		expect(at(0, 0)).toEqual([-2, -2, -2]);
		expect(at(1, 31)).toEqual([-2, -2, -2]);
		const v = gray[0] / 255;
		expect(at(2, 2)).toEqual([0, 1, 2].map(() => Math.fround(Math.fround(v) - 0.5) / 0.25));
		const last = Math.fround(gray[27 * 28 + 27] / 255);
		expect(at(29, 29)[0]).toBe(Math.fround(last - 0.5) / 0.25);
		expect(at(30, 30)).toEqual([-2, -2, -2]);
	});
});

describe('large sources', () => {
	it('reads ordinary photos at full size and shrinks only above the pixel budget', () => {
		expect(presizeTarget(4032, 3024, 256, 4096 * 4096)).toBeNull();
		expect(presizeTarget(20000, 20000, 256, 4096 * 4096)).toEqual({ width: 4096, height: 4096 });
		const panorama = presizeTarget(100000, 600, 256, 4096 * 4096);
		expect(panorama).not.toBeNull();
		expect(Math.min(panorama!.width, panorama!.height)).toBeGreaterThanOrEqual(512);
	});

	it('halves step by step down to the target', () => {
		expect(halvingSteps({ width: 4000, height: 3000 }, { width: 683, height: 512 })).toEqual([
			{ width: 2000, height: 1500 },
			{ width: 1000, height: 750 },
			{ width: 683, height: 512 }
		]);
		expect(halvingSteps({ width: 1024, height: 1024 }, { width: 512, height: 512 })).toEqual([
			{ width: 512, height: 512 }
		]);
	});

	it('reads displayed sizes of each source kind', () => {
		expect(
			sourceSize({ naturalWidth: 4, naturalHeight: 3, width: 1, height: 1 } as HTMLImageElement)
		).toEqual({
			width: 4,
			height: 3
		});
		expect(sourceSize({ videoWidth: 640, videoHeight: 480 } as HTMLVideoElement)).toEqual({
			width: 640,
			height: 480
		});
		expect(sourceSize({ displayWidth: 5, displayHeight: 6 } as VideoFrame)).toEqual({ width: 5, height: 6 });
		expect(sourceSize({ width: 7, height: 8 } as ImageBitmap)).toEqual({ width: 7, height: 8 });
	});
});

describe('inputTensor', () => {
	it('makes a [1, 224, 224, 3] float32 tensor with the input values and no leak', async () => {
		await tf.setBackend('cpu');
		const before = tf.memory().numTensors;
		const image = preprocessPixels(synth(300, 451));
		const tensor = inputTensor(tf, image);
		expect(tensor.shape).toEqual([1, 224, 224, 3]);
		expect(tensor.dtype).toBe('float32');
		expect(tensor.dataSync()).toEqual(image.input);
		tensor.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});
