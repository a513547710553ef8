/** Reader-facing text for every input and camera failure, in both languages (pure). */
import type { Language } from '$lib/content/languages';
import { MAX_IMAGE_BYTES, type CameraErrorCode, type InputErrorCode } from '$lib/live/images/image-input';
import { MAX_IMAGE_PIXELS } from '$lib/live/images/image-size';

/** Everything that can stop an image from being classified. */
export type ImageProblem = InputErrorCode | CameraErrorCode | 'classify-failed';

const limitMb = Math.round(MAX_IMAGE_BYTES / (1024 * 1024));
const limitMp = Math.round(MAX_IMAGE_PIXELS / 1e6);

const MESSAGES: Record<Language, Record<ImageProblem, string>> = {
	en: {
		'not-an-image': 'This file is not an image. Choose a JPEG, PNG, WebP or GIF file.',
		'svg-unsupported':
			'SVG drawings cannot be used here: the networks need pixels. Export the drawing as a PNG and choose that.',
		'too-large': `This file is larger than ${limitMb} MB. Choose a smaller image.`,
		'too-many-pixels': `This image has more than ${limitMp} megapixels, too many to decode safely in a browser tab. Choose a smaller image.`,
		'nothing-found': 'There was no image in what you dropped or pasted. Use an image file or a copied image.',
		'decode-failed':
			'The browser could not read this image: the file may be broken, or in a format it does not support.',
		'empty-image': 'This image has no pixels.',
		'cross-origin':
			'This image comes from another site that does not allow reading its pixels. Save it and upload the file.',
		'no-canvas': 'This browser cannot read image pixels (no 2D canvas).',
		'camera-denied':
			'Camera access was refused. Allow the camera for this site in the browser settings, then try again.',
		'camera-missing': 'No camera was found on this device.',
		'camera-busy': 'The camera is in use by another program, or it could not start.',
		'camera-unsupported':
			'The camera cannot be used here: this browser or an insecure (http://) page does not allow it.',
		'classify-failed': 'The networks failed on this image. Try another image or another backend.'
	},
	zh: {
		'not-an-image': '这不是图片文件。请选择 JPEG、PNG、WebP 或 GIF 图片。',
		'svg-unsupported': '这里不能使用 SVG 矢量图：网络需要像素。请把它导出为 PNG 再选择。',
		'too-large': `文件超过 ${limitMb} MB，请选择小一些的图片。`,
		'too-many-pixels': `这张图片超过 ${limitMp} 百万像素，在浏览器标签页里解码可能耗尽内存。请选择小一些的图片。`,
		'nothing-found': '拖入或粘贴的内容里没有图片。请使用图片文件，或复制一张图片后粘贴。',
		'decode-failed': '浏览器无法读取这张图片：文件可能已损坏，或格式不受支持。',
		'empty-image': '这张图片没有像素。',
		'cross-origin': '这张图片来自不允许读取像素的其他网站。请先保存到本地，再上传文件。',
		'no-canvas': '此浏览器无法读取图片像素（没有 2D canvas）。',
		'camera-denied': '摄像头权限被拒绝。请在浏览器的网站设置中允许本站使用摄像头，然后重试。',
		'camera-missing': '这台设备上没有找到摄像头。',
		'camera-busy': '摄像头正被其他程序占用，或无法启动。',
		'camera-unsupported': '这里无法使用摄像头：此浏览器或非 https 页面不允许访问摄像头。',
		'classify-failed': '网络在这张图片上运行失败。请换一张图片或换一个后端试试。'
	}
};

export function imageProblemMessage(problem: ImageProblem, lang: Language): string {
	return MESSAGES[lang][problem];
}
