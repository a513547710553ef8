/**
 * What the classifier tells the reader about its answers, in both languages (pure): why an image does
 * not suit the Fashion-MNIST models, and the one sentence a screen reader hears per classification.
 */
import type { Language } from '$lib/content/languages';
import type { Localized } from '$lib/content/i18n';
import type { Misfit } from '$lib/live/images/fmnist-fit';
import { formatProbability } from './format';

interface FitText {
	heading: string;
	reasons: Record<Misfit, string>;
	and: string;
	/** Between the heading and the reasons, and after the reasons. */
	colon: string;
	stop: string;
	meaning: string;
	use: string;
	load: (size: string) => string;
	loading: string;
}

export const fitText: Localized<FitText> = {
	en: {
		heading: 'This image does not look like Fashion-MNIST',
		reasons: {
			colour: 'it is in colour, and every Fashion-MNIST image is grey',
			background: 'it has no black background, and Fashion-MNIST shows each garment light on black',
			brightness: 'it is brighter or darker overall than any Fashion-MNIST image'
		},
		and: '; ',
		colon: ': ',
		stop: '.',
		meaning:
			'The models in use only know ten kinds of clothing in small grey photos. They name one of those whatever the image shows, so their answer here means little.',
		use: 'Use the ImageNet networks (1,000 classes)',
		load: (size) => `Load the ImageNet networks (1,000 classes, about ${size} each)`,
		loading: 'Loading the ImageNet networks…'
	},
	zh: {
		heading: '这张图片看起来不像 Fashion-MNIST',
		reasons: {
			colour: '它是彩色的，而 Fashion-MNIST 的图片全是灰度图',
			background: '它没有黑色背景，而 Fashion-MNIST 的衣物都是黑底上的浅色图像',
			brightness: '它整体比任何一张 Fashion-MNIST 图片都亮或暗'
		},
		and: '；',
		colon: '：',
		stop: '。',
		meaning:
			'正在使用的模型只认识灰度小图里的十类衣物。无论图片里是什么，它们都会说出其中一类，所以这里的答案意义不大。',
		use: '改用 ImageNet 网络（1000 个类别）',
		load: (size) => `加载 ImageNet 网络（1000 个类别，每个约 ${size}）`,
		loading: '正在加载 ImageNet 网络…'
	}
};

/** "it is in colour, …; it has no black background, …" for the misfits found (empty for none). */
export function misfitReasons(misfits: readonly Misfit[], lang: Language): string {
	const t = fitText[lang];
	return misfits.map((m) => t.reasons[m]).join(t.and);
}

export interface AnnouncedRun {
	/** The network's display name. */
	model: string;
	/** Its top-1 class name. */
	label: string;
	probability: number;
}

const announceText: Localized<{
	run: (r: AnnouncedRun, p: string) => string;
	misfit: string;
	join: string;
}> = {
	en: {
		join: ' ',
		run: (r, p) => `${r.model}: ${r.label}, ${p}.`,
		misfit: 'This image does not look like Fashion-MNIST, so these answers mean little.'
	},
	zh: {
		join: '',
		run: (r, p) => `${r.model}：${r.label}，${p}。`,
		misfit: '这张图片看起来不像 Fashion-MNIST，所以这些答案意义不大。'
	}
};

/** Each run's top-1 class as announced: the network's display name, the class name, the probability. */
export function topOnes(
	runs: readonly { modelId: string; top: readonly { index: number; probability: number }[] }[],
	models: readonly { id: string; name: string }[],
	labels: readonly string[]
): AnnouncedRun[] {
	return runs.flatMap(({ modelId, top: [top] }) => {
		const model = models.find((m) => m.id === modelId)?.name ?? modelId;
		return top ? [{ model, label: labels[top.index] ?? `#${top.index}`, probability: top.probability }] : [];
	});
}

/** One sentence per network with its top-1 class and confidence, and the misfit warning if any. */
export function announcement(
	runs: readonly AnnouncedRun[],
	misfits: readonly Misfit[],
	lang: Language
): string {
	const t = announceText[lang];
	const sentences = runs.map((r) => t.run(r, formatProbability(r.probability)));
	if (misfits.length) sentences.push(t.misfit);
	return sentences.join(t.join);
}
