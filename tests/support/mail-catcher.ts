import { inject } from 'vitest';

export interface CaughtMail {
  id: string;
  subject: string;
  to: string[];
  /** The plain-text part. */
  text: string;
  /** Inline images (cid) come back as data: URLs. */
  html: string | null;
  attachments: { index: number; filename: string; contentType: string; sha256: string }[];
}

/** Every mail the test run's SMTP server received so far. */
async function caughtMails(): Promise<CaughtMail[]> {
  return (await (await fetch(`${inject('mailCatcherUrl')}/api/messages`)).json()) as CaughtMail[];
}

/** The mails received so far for one address (several test files share the server: the address tells whose they are). */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  return (await caughtMails()).filter((message) => message.to.includes(address));
}

/** The mail the test run's SMTP server received whose subject starts so (the outbox sends it within seconds). */
export async function mailAbout(subjectStart: string): Promise<CaughtMail> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = (await caughtMails()).find((m) => m.subject.startsWith(subjectStart));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail "${subjectStart}…" reached the SMTP server`);
}

/**
 * The mail whose subject starts so and which was sent to `address` (numbers repeat from one test
 * tenant to the next: the recipient tells which tenant's mail it is).
 */
export async function mailTo(address: string, subjectStart: string): Promise<CaughtMail> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = (await caughtMails()).find((m) => m.subject.startsWith(subjectStart) && m.to.includes(address));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail "${subjectStart}…" to ${address} reached the SMTP server`);
}
