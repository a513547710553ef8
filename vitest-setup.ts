import '@testing-library/jest-dom/vitest';
import { provideLoaders } from './src/lib/viz/deferred';
import { componentLoaders } from './src/lib/viz/deferred-loaders';

// As src/hooks.client.ts does when the app starts.
provideLoaders(componentLoaders);
