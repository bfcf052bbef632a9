// TUS 1.0.0 as Supabase serves it at /storage/v1/upload/resumable: protocol headers on every
// response, Upload-Metadata parsing, and errors as a status with the message as plain text
// (Supabase's tus lifecycle renders StorageErrors that way, with their real status).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StorageError } from '../../errors';

export const TUS_VERSION = '1.0.0';

export const tusHeaders: Record<string, string> = {
  'Tus-Resumable': TUS_VERSION,
  'Tus-Version': TUS_VERSION,
  'Tus-Extension': 'creation,expiration,termination',
};

export class TusProtocolError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function checkTusResumable(req: IncomingMessage): void {
  if (req.headers['tus-resumable'] !== TUS_VERSION) {
    throw new TusProtocolError(412, 'Unsupported version');
  }
}

/** `key base64,key base64,key` → values (a key without a value maps to ''). */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || !/^[\x21-\x7e]+$/.test(key) || key in out) {
      throw new TusProtocolError(400, 'Invalid Upload-Metadata header');
    }
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw new TusProtocolError(400, 'Invalid Upload-Metadata header');
    }
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

export function headerInt(req: IncomingMessage, name: string): number | undefined {
  const raw = req.headers[name];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function sendTusError(res: ServerResponse, error: StorageError | TusProtocolError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = error instanceof StorageError ? error.httpStatusCode : error.status;
  const text = error.message;
  res.writeHead(status, {
    ...tusHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
