/** Runs the mail catcher (services/mail-catcher) as a separate process, as `pnpm start` and the tests do. */
import { startProcess, stopProcess, waitForHealth, type StackOptions } from './stack';

export interface MailCatcherProcess {
  smtpUrl: string;
  httpUrl: string;
  stop(): Promise<void>;
}

export async function startMailCatcherProcess(options: {
  smtpPort: number;
  httpPort: number;
  onOutput?: StackOptions['onOutput'];
}): Promise<MailCatcherProcess> {
  const child = startProcess(
    'mail-catcher',
    'services/mail-catcher/src/main.ts',
    { MAIL_SMTP_PORT: String(options.smtpPort), MAIL_HTTP_PORT: String(options.httpPort), MAIL_HOST: '127.0.0.1' },
    options.onOutput,
  );
  const stop = () => stopProcess(child);
  try {
    await waitForHealth(`http://127.0.0.1:${options.httpPort}/health`, child, 'mail catcher', 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`, httpUrl: `http://127.0.0.1:${options.httpPort}`, stop };
}
