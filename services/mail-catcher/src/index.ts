import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtAttachment {
  index: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  from: string;
  /** Every envelope recipient (To, Cc and Bcc alike). */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: CaughtAttachment[];
}

export interface RunningMailCatcher {
  smtpPort: number;
  httpPort: number;
  smtpUrl: string;
  httpUrl: string;
  close(): Promise<void>;
}

const KEPT_MESSAGES = 500;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((a) => a.address ?? '')).filter(Boolean);
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1f2933; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
  th { background: #f5f7fa; }
  pre { white-space: pre-wrap; background: #f5f7fa; padding: 1rem; }
  iframe { width: 100%; height: 60vh; border: 1px solid #e4e7eb; }
</style></head><body>${body}</body></html>`;

/**
 * A mail catcher for development and tests: accepts any message over plain SMTP (no auth, no
 * TLS), keeps the last 500 in memory, and shows them over HTTP (an HTML inbox and a JSON API).
 */
export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<RunningMailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const messages: CaughtMessage[] = [];
  const contents = new Map<string, Buffer[]>();

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Relais mail catcher',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const id = randomUUID();
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          messages.unshift({
            id,
            receivedAt: new Date().toISOString(),
            from: addresses(parsed.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: envelopeTo.length ? envelopeTo : addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            attachments: parsed.attachments.map((a, index) => ({
              index,
              filename: a.filename ?? `piece-jointe-${index + 1}`,
              contentType: a.contentType,
              size: a.content.length,
              sha256: createHash('sha256').update(a.content).digest('hex'),
            })),
          });
          contents.set(
            id,
            parsed.attachments.map((a) => a.content),
          );
          for (const dropped of messages.splice(KEPT_MESSAGES)) contents.delete(dropped.id);
          callback(null);
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };

  const attachmentLinks = (m: CaughtMessage) =>
    m.attachments
      .map((a) => `<a href="/api/messages/${m.id}/attachments/${a.index}">${escapeHtml(a.filename)}</a> (${Math.ceil(a.size / 1024)} Ko)`)
      .join('<br>');

  const inbox = () =>
    page(
      'Mails reçus',
      `<h1>Mails reçus (${messages.length})</h1>
      <form method="post" action="/clear"><button>Tout effacer</button></form>
      <table><thead><tr><th>Date</th><th>De</th><th>À</th><th>Objet</th><th>Pièces jointes</th></tr></thead><tbody>
      ${messages
        .map(
          (m) => `<tr><td>${new Date(m.receivedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</td>
          <td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.to.join(', '))}</td>
          <td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(sans objet)')}</a></td><td>${attachmentLinks(m)}</td></tr>`,
        )
        .join('')}
      </tbody></table>`,
    );

  const messageView = (m: CaughtMessage) =>
    page(
      m.subject,
      `<p><a href="/">← Mails reçus</a></p><h1>${escapeHtml(m.subject || '(sans objet)')}</h1>
      <table><tbody>
        <tr><th>Date</th><td>${new Date(m.receivedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</td></tr>
        <tr><th>De</th><td>${escapeHtml(m.from)}</td></tr><tr><th>À</th><td>${escapeHtml(m.to.join(', '))}</td></tr>
        <tr><th>Pièces jointes</th><td>${attachmentLinks(m) || '—'}</td></tr>
      </tbody></table>
      ${m.html ? `<h2>HTML</h2><iframe sandbox srcdoc="${escapeHtml(m.html)}"></iframe>` : ''}
      <h2>Texte</h2><pre>${escapeHtml(m.text)}</pre>`,
    );

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const attachment = /^\/api\/messages\/([^/]+)\/attachments\/(\d+)$/.exec(path);
    const view = /^\/messages\/([^/]+)$/.exec(path);
    if (method === 'GET' && path === '/') return html(res, 200, inbox());
    if (method === 'GET' && path === '/health') return json(res, 200, { status: 'ok', messages: messages.length });
    if (method === 'GET' && path === '/api/messages') return json(res, 200, messages);
    if ((method === 'DELETE' && path === '/api/messages') || (method === 'POST' && path === '/clear')) {
      messages.length = 0;
      contents.clear();
      if (method === 'POST') {
        res.writeHead(303, { location: '/' });
        return res.end();
      }
      return json(res, 200, { deleted: true });
    }
    if (method === 'GET' && attachment) {
      const message = messages.find((m) => m.id === attachment[1]);
      const index = Number(attachment[2]);
      const meta = message?.attachments[index];
      const bytes = contents.get(attachment[1] ?? '')?.[index];
      if (!meta || !bytes) return json(res, 404, { error: 'pièce jointe introuvable' });
      res.writeHead(200, {
        'content-type': meta.contentType,
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
      });
      return res.end(bytes);
    }
    if (method === 'GET' && view) {
      const message = messages.find((m) => m.id === view[1]);
      return message
        ? html(res, 200, messageView(message))
        : html(res, 404, page('Introuvable', '<p>Mail introuvable. <a href="/">Retour</a></p>'));
    }
    json(res, 404, { error: 'not found' });
  };
  const http: Server = createServer(handle);

  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 1025, host, () => resolve());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.httpPort ?? 8025, host, () => resolve());
    });
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    async close() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
