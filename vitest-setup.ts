import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { componentLoaders } from './src/component-loaders';
import { provideLoaders } from './src/lib/viz/deferred';

// As src/hooks.client.ts does when the app starts (again before each test, which may replace them).
beforeEach(() => provideLoaders(componentLoaders));
