import { loginTexts, signIn, type LoginFailure } from '@relais/session/sign-in';

/** The language chosen in the back-office (`relais.language`, as @relais/ui reads it), French otherwise. */
const language = globalThis.localStorage?.getItem('relais.language') === 'en' ? 'en' : 'fr';
const texts = loginTexts[language];

/** An element with its attributes and children. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A labelled, required field, as the React login page's Mantine inputs. */
function field(id: string, label: string, attributes: Record<string, string>): { wrapper: HTMLElement; input: HTMLInputElement } {
  const input = element('input', { id, name: id, required: '', ...attributes });
  const wrapper = element(
    'div',
    { class: 'field' },
    element('label', { for: id }, label, element('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
    input,
  );
  return { wrapper, input };
}

/**
 * The sign-in form, in plain DOM: it looks like the React login page (Mantine theme colours and
 * sizes, sign-in.css) and says the same things. Once signed in, it calls `onSignedIn` and stays,
 * busy, until the shell has drawn something in `root`.
 */
export function showSignInPage(root: HTMLElement, onSignedIn: () => void): void {
  document.documentElement.lang = language;
  const email = field('sign-in-email', texts.login.email, { type: 'email', autocomplete: 'username' });
  const password = field('sign-in-password', texts.login.password, { type: 'password', autocomplete: 'current-password' });
  const submit = element('button', { type: 'submit' }, texts.login.submit);
  const heading = element('div', {}, element('h1', {}, texts.login.title), element('p', { class: 'dimmed' }, texts.login.subtitle));
  const form = element('form', { class: 'sign-in-card' }, heading, email.wrapper, password.wrapper, submit);
  const page = element('main', { class: 'sign-in' }, form);
  let alert: HTMLElement | null = null;

  function busy(value: boolean): void {
    submit.disabled = value;
    if (value) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
  }

  function show(failure: LoginFailure): void {
    alert = element('div', { class: 'alert', role: 'alert' }, texts.errors[failure]);
    heading.after(alert);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert?.remove();
    busy(true);
    void signIn({ email: email.input.value, password: password.input.value }).then((failure) => {
      if (failure) {
        busy(false);
        return show(failure);
      }
      const drawn = new MutationObserver(() => {
        drawn.disconnect();
        page.remove();
      });
      drawn.observe(root, { childList: true });
      onSignedIn();
    });
  });

  root.before(page);
}
