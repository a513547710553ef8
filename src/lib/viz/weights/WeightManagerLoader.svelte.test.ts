// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSession } from '$lib/live/testing';
import WeightManagerLoader from './WeightManagerLoader.svelte';

afterEach(() => {
	vi.doUnmock('./WeightManager.svelte');
	vi.resetModules();
});

describe('WeightManagerLoader', () => {
	it('says the manager is loading, then shows it', async () => {
		const { session } = fakeSession();
		render(WeightManagerLoader, { session, lang: 'en' });
		expect(screen.getByRole('status')).toHaveTextContent('Loading the weight manager…');
		expect(await screen.findByRole('button', { name: 'Load the ImageNet weights' })).toBeInTheDocument();
		expect(screen.queryByText('Loading the weight manager…')).toBeNull();
	});

	it('says so when its code does not load, in the reader’s language', async () => {
		vi.doMock('./WeightManager.svelte', () => {
			throw new TypeError('Failed to fetch dynamically imported module');
		});
		const { session } = fakeSession();
		render(WeightManagerLoader, { session, lang: 'zh' });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'权重管理的代码没有加载成功，可能是网络断开了。'
		);
		expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
	});
});
