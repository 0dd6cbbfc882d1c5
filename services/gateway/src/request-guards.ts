import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** 1 MB: the back-office's largest mutation (an invoice with its lines) is a few kilobytes. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is a short token (at most 64 of A-Z a-z 0-9 . _ -), else a new one. */
export function acceptedRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The media types a GraphQL POST may have. An HTML form can only send urlencoded, multipart or
 * text/plain bodies without a CORS preflight, so refusing those keeps a foreign page from running a
 * mutation with the user's browser (CSRF).
 */
const EXECUTABLE_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** `Application/JSON; charset=utf-8` -> `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** How long a refused client may go on sending (discarded, never kept) before its connection is cut. */
export const REFUSED_BODY_GRACE_MS = 5000;

/**
 * Answers a refused request with a GraphQL-shaped JSON error. A request whose body has arrived gets
 * `Connection: close`. One whose body is still arriving keeps its connection while the rest is
 * discarded: a closed socket would make a client that writes its body before reading (most HTTP
 * libraries) fail with EPIPE before it reads the answer. Once the body has ended the connection is
 * clean, and the client, told nothing else, may send its next request on it; only a client still
 * sending after `graceMs` is cut off.
 */
export function refuseRequest(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  graceMs = REFUSED_BODY_GRACE_MS,
): void {
  const bodyPending = !req.complete;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(bodyPending ? {} : { connection: 'close' }) });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  if (!bodyPending) return;
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), graceMs).unref();
  req.once('end', () => clearTimeout(cut));
}

/**
 * The body; 'too-large' as soon as it passes `maxBytes` (the rest is never read); 'gone' when the
 * client left (or its connection failed) before the end.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData).pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    // Whichever comes first settles: 'close' also follows a complete body, once it is settled.
    req
      .on('data', onData)
      .once('end', () => resolve(Buffer.concat(chunks, size)))
      .once('error', () => resolve('gone'))
      .once('close', () => resolve('gone'));
  });
}

export interface BodyLimits {
  /** The largest body of an ordinary request. */
  maxBodyBytes: number;
  /** The largest body of a file upload (see file-uploads.ts). */
  maxUploadBytes: number;
  /** Whether the caller may send more than maxBodyBytes: an authenticated caller. */
  mayUpload(req: IncomingMessage): Promise<boolean>;
  /** Whether a body over maxBodyBytes is a file upload. */
  isUpload(body: Buffer): boolean;
  /** How long a refused body may go on arriving; REFUSED_BODY_GRACE_MS unless told. */
  refusedBodyGraceMs?: number;
}

/**
 * Admits a request to the GraphQL runtime, or answers it: a POST must be JSON (else 415
 * UNSUPPORTED_MEDIA_TYPE) and at most `maxBodyBytes` long, else 413 PAYLOAD_TOO_LARGE, told by
 * Content-Length or found while reading. Only an authenticated caller sending a file upload may go
 * up to `maxUploadBytes`: an anonymous one is never read beyond `maxBodyBytes`. An admitted POST's
 * body has been read here and is handed to the runtime as `req.body`. GET (queries only: the
 * runtime refuses a mutation by GET) and OPTIONS carry no body and pass.
 */
export async function admitGraphqlRequest(req: IncomingMessage, res: ServerResponse, limits: BodyLimits): Promise<boolean> {
  if (req.method !== 'POST') return true;
  const type = mediaType(req.headers['content-type']);
  if (!EXECUTABLE_MEDIA_TYPES.has(type)) {
    refuseRequest(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type attendu : application/json', limits.refusedBodyGraceMs);
    return false;
  }
  const tooLarge = () => {
    refuseRequest(
      req,
      res,
      413,
      'PAYLOAD_TOO_LARGE',
      `Requête trop volumineuse : ${limits.maxBodyBytes} octets au plus`,
      limits.refusedBodyGraceMs,
    );
    return false;
  };
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  const mayBeLarge = declared === null || declared > limits.maxBodyBytes;
  const limit = mayBeLarge && (await limits.mayUpload(req)) ? limits.maxUploadBytes : limits.maxBodyBytes;
  if (declared !== null && declared > limit) return tooLarge();
  const body = await readBody(req, limit);
  if (body === 'gone') {
    req.socket.destroy();
    return false;
  }
  if (body === 'too-large' || (body.length > limits.maxBodyBytes && !limits.isUpload(body))) return tooLarge();
  // The runtime parses JSON bodies announced as application/json; both admitted types carry the same JSON.
  req.headers['content-type'] = 'application/json';
  (req as IncomingMessage & { body?: Buffer }).body = body;
  return true;
}
