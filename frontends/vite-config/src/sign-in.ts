import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { precompress } from './compress.ts';

/** Where the federated build writes the shell's page: index.html, which every address answers, is the sign-in page. */
export const shellPage = 'shell.html';

/**
 * Writes the federated shell's HTML as `shell.html` (runs after Module Federation has put its
 * bootstrap and preloads in it).
 */
export function shellPageAsideFromIndex(): Plugin {
  return {
    name: 'relais:shell-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      delete bundle['index.html'];
      this.emitFile({ type: 'asset', fileName: shellPage, source: page.source });
    },
  };
}

/** The `<script>` and `<link>` tags of a built page's head (its entry, preloads and styles), the icon aside. */
export function entryTagsOf(html: string): string[] {
  const head = /<head>([\s\S]*)<\/head>/i.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<script\b[^>]*>\s*<\/script>|<link\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => !/\brel=["']icon["']/i.test(tag));
}

/**
 * Puts the built shell's entry tags (read from `shell.html`) into the sign-in page's
 * `<template id="shell">`, inert until the page starts the shell (frontends/shell/src/sign-in).
 */
function shellTemplate(shellHtml: string): Plugin {
  return {
    name: 'relais:shell-template',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!existsSync(shellHtml)) throw new Error(`${shellHtml} is missing: build the federated shell first (vite build)`);
        const tags = entryTagsOf(readFileSync(shellHtml, 'utf8'));
        if (!tags.some((tag) => tag.startsWith('<script'))) throw new Error(`${shellHtml} has no entry script`);
        return html.replace(
          /(<template id="shell">)[\s\S]*?(<\/template>)/,
          (_, open: string, close: string) => `${open}${tags.join('')}${close}`,
        );
      },
    },
  };
}

/**
 * Vite config of the shell's sign-in page: a build of its own beside the federated one (no Module
 * Federation, React, Mantine or Apollo Client), written into the same `dist/` as `index.html`.
 * `shellRoot` is frontends/shell; the page's source is its `sign-in/index.html`.
 */
export function signInConfig(shellRoot: string): UserConfig {
  const outDir = resolve(shellRoot, 'dist');
  return {
    root: join(shellRoot, 'sign-in'),
    publicDir: false,
    plugins: [shellTemplate(join(outDir, shellPage)), precompress()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        output: {
          entryFileNames: 'assets/sign-in-[hash].js',
          chunkFileNames: 'assets/sign-in-[hash].js',
          assetFileNames: 'assets/sign-in-[hash][extname]',
        },
      },
    },
  };
}
