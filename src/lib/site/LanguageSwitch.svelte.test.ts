// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LanguageSwitch from './LanguageSwitch.svelte';

describe('LanguageSwitch', () => {
	it('links to the same article in the other language', () => {
		render(LanguageSwitch, { lang: 'zh', path: '/efficientnet' });
		const link = screen.getByRole('link', { name: 'English' });
		expect(link).toHaveAttribute('href', '/en/efficientnet');
		expect(link).toHaveAttribute('hreflang', 'en');
		expect(screen.getByText('中文')).toHaveAttribute('aria-current', 'true');
	});

	it('keeps the page when switching from English to Chinese', () => {
		render(LanguageSwitch, { lang: 'en', path: '/ghostnet' });
		expect(screen.getByRole('link', { name: '中文' })).toHaveAttribute('href', '/zh/ghostnet');
		expect(screen.queryByRole('link', { name: 'English' })).toBeNull();
	});

	it('labels the navigation in the page language', () => {
		render(LanguageSwitch, { lang: 'zh' });
		expect(screen.getByRole('navigation', { name: '切换语言' })).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en');
	});
});
