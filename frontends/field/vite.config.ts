import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { graphqlProxy } from '@relais/vite-config';
import { precompress } from '@relais/vite-config/compress';

/**
 * The technician's offline app, served at /terrain/ beside the back-office (same origin, same session).
 * Not a Module Federation remote: an installable app of its own whose service worker precaches the
 * whole build (docs/architecture.md, "The field app").
 */
export default defineConfig({
  base: '/terrain/',
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png'],
      manifest: {
        name: 'Relais Terrain',
        short_name: 'Terrain',
        description: 'Les interventions du technicien, même sans réseau',
        lang: 'fr',
        start_url: '/terrain/',
        scope: '/terrain/',
        display: 'standalone',
        theme_color: '#1c7ed6',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/terrain/index.html',
        // The API is never cached by the service worker: offline work goes through the app's own queue.
        navigateFallbackDenylist: [/^\/graphql/],
        cleanupOutdatedCaches: true,
      },
    }),
    precompress(),
  ],
  server: { port: 5177, strictPort: true, proxy: graphqlProxy },
  build: { target: 'es2022' },
});
