import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cspBasemapHosts } from './scripts/cspBasemapHosts.ts';

// One config for the app build and for the three test projects:
// unit (Node, pure engine + io), component (jsdom + Testing Library), e2e (real Chromium against the built app).
export default defineConfig({
  plugins: [
    react(),
    // Basemap tile hosts this deployment allows (none by default: no request leaves the page), from VITE_BASEMAP_HOSTS
    // in the environment or a .env file: written into the CSP of index.html and offered to the basemap panel.
    cspBasemapHosts(),
    // Offline after the first visit: a Workbox service worker precaches the whole build (app, map worker, demo data).
    // Registered from an external script, as the Content-Security-Policy allows no inline script.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,geojson,csv,json,svg}'],
        maximumFileSizeToCacheInBytes: 4 * 2 ** 20,
        // The white-paper renderer (resvg wasm) and figure font are fetched only when exporting; cached then, so a
        // later export works offline too.
        globIgnores: ['**/*.wasm', '**/*.otf'],
        runtimeCaching: [
          { urlPattern: /\.(?:wasm|otf)$/, handler: 'CacheFirst', options: { cacheName: 'whitepaper-assets' } },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // the unit files share their workers' module cache: re-importing the engine, ExcelJS, resvg and echarts for
          // each of ~90 files was half of the project's CPU time (402 → 248 s wall, import 118 → 10 s, same machine
          // and load; docs/benchmarks.md). The tests hold no state in modules between files: each builds its own.
          isolate: false,
          // behaviour, not speed: a white paper or a geodesic sweep takes 1–2 s alone and past 5 s when the browser
          // tests and other sessions share the 2 cores (load 11 in a shuffled run)
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          // jsdom renders of a large city take seconds when the browser tests share the machine (CI runs all projects
          // at once); these tests check behaviour, not speed
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // a reassessment of the demo now includes rescue within reach (its 104 rescue sites: the reach grid, the
          // station districts, the band shapes), 1.5–3 s on the shared 2-core machine: the polls that wait for one
          // (an import's report, a rule edit's findings) outlived the default second
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
