import type { Language } from './languages';

/** A value in each language; components keep their own strings next to their markup. */
export type Localized<T> = Record<Language, T>;

export const languageNames: Localized<string> = { zh: '中文', en: 'English' };

/** Site-wide strings used by the layout and navigation. */
export const siteText: Localized<{
	siteName: string;
	siteDescription: string;
	skipToContent: string;
	contents: string;
	previous: string;
	next: string;
	languageSwitch: string;
	home: string;
	articles: string;
	notFoundTitle: string;
	notFoundBody: string;
	errorTitle: string;
	backHome: string;
	footer: string;
	classifyLink: string;
	classifyBlurb: string;
}> = {
	zh: {
		siteName: 'EfficientNet 与 GhostNet · 交互讲解',
		siteDescription:
			'两篇讲解 EfficientNet 与 GhostNet 的交互文章：拖动复合缩放系数看真实网络的计算量和参数量如何变化，在浏览器里计算 GhostNet 的本征特征图与“幻影”特征图，并用真实网络给图像分类。',
		skipToContent: '跳到正文',
		contents: '目录',
		previous: '上一篇',
		next: '下一篇',
		languageSwitch: '切换语言',
		home: '首页',
		articles: '文章',
		notFoundTitle: '找不到这个页面',
		notFoundBody: '这个地址没有对应的页面。可以从下面的文章继续阅读。',
		errorTitle: '出错了',
		backHome: '回到首页',
		footer: '所有数字都由运行网络的同一份代码实时计算。',
		classifyLink: '用真实网络给图像分类',
		classifyBlurb: '在浏览器中并排运行 EfficientNet-B0 与 GhostNet：示例图片、上传或摄像头，查看 top-5、延迟和计算量。'
	},
	en: {
		siteName: 'EfficientNet & GhostNet, live',
		siteDescription:
			"Two interactive articles on EfficientNet and GhostNet: drag the compound-scaling coefficients and watch a real network's MACs and parameters change, compute GhostNet's intrinsic and ghost feature maps in your browser, and classify images with the real networks.",
		skipToContent: 'Skip to content',
		contents: 'Contents',
		previous: 'Previous',
		next: 'Next',
		languageSwitch: 'Language',
		home: 'Home',
		articles: 'Articles',
		notFoundTitle: 'Page not found',
		notFoundBody: 'There is no page at this address. You can continue with one of the articles below.',
		errorTitle: 'Something went wrong',
		backHome: 'Back to the home page',
		footer: 'Every number is computed live by the same code that runs the networks.',
		classifyLink: 'Classify images with the real networks',
		classifyBlurb:
			'EfficientNet-B0 and GhostNet side by side in your browser: samples, uploads or the camera, with top-5, latency and MACs.'
	}
};
