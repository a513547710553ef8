/** Strings of the classifier's frame (status line, memory line), in both languages. */
import type { Localized } from '$lib/content/i18n';
import type { DatasetId } from '$lib/live/models';

export interface ClassifierText {
	title: string;
	idle: string;
	loadingModels: string;
	noDefault: string;
	running: string;
	using: Record<DatasetId, string>;
	runtimeFailed: (detail: string) => string;
	testImage: (className: string) => string;
	memory: (tensors: number, bytes: string) => string;
	weights: string;
}

export const classifierText: Localized<ClassifierText> = {
	zh: {
		title: '图像分类器：EfficientNet 与 GhostNet 并排运行',
		idle: '滚动到这里时会自动加载 TensorFlow.js。',
		loadingModels: '正在加载网络权重…',
		noDefault: '本站的 Fashion-MNIST 模型没有加载成功；请在下方加载 ImageNet 权重。',
		running: '两个网络正在运行…',
		using: {
			fmnist:
				'正在使用：我们在 Fashion-MNIST 上训练的模型（离线可用）。在下方加载 ImageNet 权重即可运行真正的 ImageNet 网络。',
			imagenet: '正在使用：在 ImageNet-1k 上训练的 timm 检查点。'
		},
		runtimeFailed: (detail) => `TensorFlow.js 无法启动：${detail}`,
		testImage: (name) => `Fashion-MNIST 测试图片：${name}`,
		memory: (tensors, bytes) => `TensorFlow.js 内存中的张量：${tensors} 个，${bytes}`,
		weights: '权重：来源、下载与缓存'
	},
	en: {
		title: 'Image classifier: EfficientNet and GhostNet side by side',
		idle: 'TensorFlow.js loads when you scroll here.',
		loadingModels: 'Loading the network weights…',
		noDefault: 'The bundled Fashion-MNIST models did not load; load the ImageNet weights below.',
		running: 'Running both networks…',
		using: {
			fmnist:
				'In use: our models trained on Fashion-MNIST (work offline). Load the ImageNet weights below to run the real ImageNet networks.',
			imagenet: 'In use: the timm checkpoints trained on ImageNet-1k.'
		},
		runtimeFailed: (detail) => `TensorFlow.js could not start: ${detail}`,
		testImage: (name) => `Fashion-MNIST test image: ${name}`,
		memory: (tensors, bytes) => `Tensors in TensorFlow.js memory: ${tensors}, ${bytes}`,
		weights: 'Weights: source, download and cache'
	}
};
