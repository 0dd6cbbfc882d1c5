/** Resolves once a stylesheet link has loaded, or failed to. */
const settled = (link: HTMLElement) =>
  new Promise<void>((done) => {
    link.addEventListener('load', () => done());
    link.addEventListener('error', () => done());
  });

/**
 * Starts the federated shell (React, Mantine, Apollo Client, the router and Module Federation's
 * runtime) from the tags its build wrote, kept inert in `<template id="shell">` until now. Its
 * styles and module preloads go in first, its entry script once the styles are there, so that the
 * shell never shows unstyled (the preloads meanwhile fetch its code).
 */
export function startShell(): void {
  const template = document.querySelector<HTMLTemplateElement>('template#shell')!;
  const tags = [...template.content.children].map((tag) => {
    const copy = document.createElement(tag.localName);
    for (const { name, value } of tag.attributes) copy.setAttribute(name, value);
    return copy;
  });
  const scripts = tags.filter((tag) => tag.localName === 'script');
  const styles = tags.filter((tag) => tag.localName === 'link' && tag.getAttribute('rel') === 'stylesheet');
  document.head.append(...tags.filter((tag) => tag.localName !== 'script'));
  void Promise.all(styles.map(settled)).then(() => document.head.append(...scripts));
}
