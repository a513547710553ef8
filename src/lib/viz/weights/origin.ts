/**
 * The "weights in use" line (pure): which network, from which source, how big, and whether it came
 * from the browser cache, in the reader's language. Shown wherever a network's output is shown.
 */
import type { Language } from '$lib/content/languages';
import type { ModelDescriptor } from '$lib/live/models';
import type { WeightsOrigin } from '$lib/live/session.svelte';
import { formatBytes } from '$lib/viz/runtime/format';

function host(url: string | null): string {
	if (!url) return '';
	try {
		return new URL(url, 'http://localhost').host;
	} catch {
		return url;
	}
}

function sourceText(model: ModelDescriptor, origin: WeightsOrigin, lang: Language): string {
	const zh = lang === 'zh';
	switch (origin.kind) {
		case 'hub': {
			const where = host(origin.url);
			const repo = model.weights.kind === 'hub' ? model.weights.repo : '';
			return zh
				? `${repo}，来自 ${where}（Hugging Face hub 布局）`
				: `${repo} from ${where} (Hugging Face hub layout)`;
		}
		case 'static':
			return zh ? `本站自托管文件 ${origin.url}` : `self-hosted on this site, ${origin.url}`;
		case 'file':
			return zh ? `你选择的文件 ${origin.fileName ?? ''}` : `your file ${origin.fileName ?? ''}`;
		case 'bundled': {
			const accuracy = ((model.weights.kind === 'bundled' ? model.weights.testAccuracy : 0) * 100).toFixed(1);
			return zh
				? `随本站发布、由我们训练（测试集准确率 ${accuracy}%）`
				: `bundled with this site, trained by us (${accuracy}% test accuracy)`;
		}
	}
}

/**
 * E.g. "EfficientNet-B0 · ImageNet-1k · timm/… from huggingface.co (…) · 21.4 MB · from the browser
 * cache"; without the model name where a heading already names it.
 */
export function originLine(
	model: ModelDescriptor,
	origin: WeightsOrigin,
	lang: Language,
	withName = true
): string {
	const dataset = model.dataset === 'imagenet' ? 'ImageNet-1k' : 'Fashion-MNIST';
	const parts = [dataset, sourceText(model, origin, lang), formatBytes(origin.bytes)];
	if (withName) parts.unshift(model.name[lang]);
	if (origin.fromCache) parts.push(lang === 'zh' ? '读自浏览器缓存' : 'from the browser cache');
	return parts.join(' · ');
}
