import { describe, expect, it } from 'vitest';
import { entryTagsOf } from './sign-in';

describe("the shell's entry tags, for the sign-in page", () => {
  it('keeps the entry script, the preloads and the styles of the head, not the icon nor the body', () => {
    const html = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>Relais — Back-office</title>
    <script type="module" crossorigin src="/assets/mf-entry-bootstrap-0-b464f299.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/useMutation-3_sZyrd7.js">
    <link rel="stylesheet" crossorigin href="/assets/index-fNeZ6oY-.css">
  <link rel="modulepreload" crossorigin href="/remoteEntry-BqzLrIY9.js"></head>
  <body>
    <div id="root"></div>
    <script src="/ignored.js"></script>
  </body>
</html>`;
    expect(entryTagsOf(html)).toEqual([
      '<script type="module" crossorigin src="/assets/mf-entry-bootstrap-0-b464f299.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/useMutation-3_sZyrd7.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-fNeZ6oY-.css">',
      '<link rel="modulepreload" crossorigin href="/remoteEntry-BqzLrIY9.js">',
    ]);
  });
});
