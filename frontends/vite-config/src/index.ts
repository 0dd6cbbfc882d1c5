// Loaded by Node itself (vite.config imports), so relative imports carry their .ts extension.
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { remoteApps, remoteBase, type RemoteApp } from './apps.ts';
import { precompress } from './compress.ts';
import { shellPageAsideFromIndex } from './sign-in.ts';

/**
 * Build-time configuration shared by the shell and the apps: one copy of React, the router,
 * the GraphQL client, Mantine, i18next and the Relais packages per page, provided by the shell.
 */
const singletons = [
  'react',
  'react-dom',
  'react-router',
  '@apollo/client',
  'graphql',
  'rxjs',
  '@mantine/core',
  '@mantine/hooks',
  'i18next',
  'react-i18next',
  '@relais/ui',
  '@relais/session',
] as const;

export const sharedSingletons = Object.fromEntries(singletons.map((name) => [name, { singleton: true, requiredVersion: false as const }]));

/**
 * The gateway the dev servers proxy `/graphql` to (same origin in the browser, as in production).
 * A plain object rather than vite's ProxyOptions: the field app's vite is another instance (its PWA
 * plugin brings terser into vite's peers), whose ProxyOptions type is not this one.
 */
export const graphqlProxy = {
  '/graphql': {
    target: process.env['RELAIS_GATEWAY_URL'] ?? 'http://localhost:4000',
    changeOrigin: true,
  },
};

/** Vite config of a remote app: exposes `./App` and also runs alone (its own index.html). */
export function remoteAppConfig(name: RemoteApp['name']): UserConfig {
  const devPort = remoteApps.find((app) => app.name === name)?.devPort;
  return {
    base: remoteBase(name),
    plugins: [
      react(),
      federation({
        name,
        filename: 'remoteEntry.js',
        exposes: { './App': './src/App.tsx' },
        shared: sharedSingletons,
        dts: false,
      }),
      precompress(),
    ],
    server: { port: devPort, strictPort: true, origin: `http://localhost:${devPort}`, proxy: graphqlProxy },
    build: { target: 'esnext' },
  };
}

/**
 * Vite config of the federated shell: loads every remote from /apps/<name>/ on the same origin. Its
 * page is written as shell.html; the sign-in page's build (./sign-in.ts) then writes index.html.
 */
export function shellConfig(): UserConfig {
  return {
    plugins: [
      react(),
      federation({
        name: 'shell',
        remotes: Object.fromEntries(
          remoteApps.map(({ name }) => [name, { type: 'module', name, entry: `${remoteBase(name)}remoteEntry.js` }]),
        ),
        shared: sharedSingletons,
        // Use the shell's own copies of the shared packages instead of opening every remote's
        // remoteEntry.js at start-up to compare versions: a remote is fetched when its section opens.
        shareStrategy: 'loaded-first',
        dts: false,
      }),
      shellPageAsideFromIndex(),
      precompress(),
    ],
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        ...graphqlProxy,
        ...Object.fromEntries(
          remoteApps.map(({ name, devPort }) => [remoteBase(name), { target: `http://localhost:${devPort}`, changeOrigin: true }]),
        ),
      },
    },
    build: { target: 'esnext' },
  };
}
