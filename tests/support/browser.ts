import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
