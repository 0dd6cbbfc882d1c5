import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Headless, and without the background networking this closed network would refuse. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Why the browser tests cannot run on this machine, or null when they can. Under CI a missing
 * browser or back-office is a failure of the run, never a skip.
 */
export function browserSkipReason(backOfficeUrl: string | null | undefined): string | null {
  const reason = !chromiumAvailable
    ? `${CHROMIUM_PATH} is absent (apt-get install -y chromium)`
    : !backOfficeUrl
      ? 'the back-office is not built (pnpm build:frontends)'
      : null;
  if (reason && process.env.CI) throw new Error(`browser tests cannot run in CI: ${reason}`);
  return reason;
}

export interface SignInOptions {
  password?: string;
  viewport?: { width: number; height: number };
}

/** A new browser context in French (Paris time), signed in to the back-office as `email`. */
export async function signIn(browser: Browser, backOfficeUrl: string, email: string, options: SignInOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: options.viewport ?? { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(backOfficeUrl);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(options.password ?? 'relais-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}
