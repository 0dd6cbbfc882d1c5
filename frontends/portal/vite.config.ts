import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlProxy } from '@relais/vite-config';
import { precompress } from '@relais/vite-config/compress';

/**
 * The customer portal, served at /portail/<tenant slug>/ beside the back-office (same origin, its
 * own session). Not a Module Federation remote: a small app of its own, whose screens past the
 * sign-in page load when opened (docs/portal.md, "The web app").
 */
export default defineConfig({
  base: '/portail/',
  plugins: [react(), precompress()],
  server: {
    port: 5178,
    strictPort: true,
    // Signed document links and the company's logo are the gateway's, like /graphql.
    proxy: {
      ...graphqlProxy,
      '/documents': { target: graphqlProxy['/graphql'].target, changeOrigin: true },
      '/public': { target: graphqlProxy['/graphql'].target, changeOrigin: true },
    },
  },
  build: { target: 'es2022' },
});
