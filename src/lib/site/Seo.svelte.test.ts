// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_ORIGIN } from './origin';
import Seo from './Seo.svelte';

const meta = (key: string) =>
	document.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const links = (rel: string) =>
	[...document.head.querySelectorAll(`link[rel="${rel}"]`)].map((l) => [
		l.getAttribute('hreflang'),
		l.getAttribute('href')
	]);

describe('Seo', () => {
	afterEach(() => {
		document.head.innerHTML = '';
	});

	it('gives an article absolute canonical, hreflang and preview URLs on the configured origin', () => {
		render(Seo, {
			title: 'GhostNet · EfficientNet & GhostNet, live',
			description: 'Ghost modules, computed live.',
			path: '/en/ghostnet',
			lang: 'en',
			alternates: { zh: '/zh/ghostnet', en: '/en/ghostnet' },
			image: 'ghostnet',
			type: 'article'
		});
		const origin = DEFAULT_SITE_ORIGIN;
		expect(document.title).toBe('GhostNet · EfficientNet & GhostNet, live');
		expect(links('canonical')).toEqual([[null, `${origin}/en/ghostnet`]]);
		expect(links('alternate')).toEqual([
			['zh-CN', `${origin}/zh/ghostnet`],
			['en', `${origin}/en/ghostnet`],
			['x-default', `${origin}/`]
		]);
		expect(meta('description')).toBe('Ghost modules, computed live.');
		expect(meta('og:type')).toBe('article');
		expect(meta('og:url')).toBe(`${origin}/en/ghostnet`);
		expect(meta('og:image')).toBe(`${origin}/og/ghostnet.png`);
		expect(meta('og:image:width')).toBe('1200');
		expect(meta('og:image:height')).toBe('630');
		expect(meta('og:image:alt')).toMatch(/Ghost module/);
		expect(meta('og:locale')).toBe('en_US');
		expect(meta('og:locale:alternate')).toBe('zh_CN');
		expect(meta('twitter:card')).toBe('summary_large_image');
		expect(meta('twitter:image')).toBe(`${origin}/og/ghostnet.png`);
	});

	it('describes a Chinese page in Chinese, with the site preview by default', () => {
		render(Seo, {
			title: '图像分类',
			description: '在浏览器中运行真实网络。',
			path: '/zh/classify',
			lang: 'zh',
			alternates: { zh: '/zh/classify', en: '/en/classify' }
		});
		expect(meta('og:type')).toBe('website');
		expect(meta('og:locale')).toBe('zh_CN');
		expect(meta('og:locale:alternate')).toBe('en_US');
		expect(meta('og:image')).toBe(`${DEFAULT_SITE_ORIGIN}/og/site.png`);
		expect(meta('og:image:alt')).toMatch(/幻影特征图/);
	});

	it('leaves out hreflang links for a page in one language only', () => {
		render(Seo, { title: 'x', description: 'y', path: '/', lang: null });
		expect(links('alternate')).toEqual([]);
		expect(links('canonical')).toEqual([[null, `${DEFAULT_SITE_ORIGIN}/`]]);
	});
});
