// The streaming multipart reader must find boundaries wherever the network splits them, keep
// file bytes that merely look like a boundary, and fail (not hang) on a truncated body.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { multipartBoundary, readMultipartFile } from './multipart';

const boundary = '----loupeBoundary7MA4YWxk';

function form(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="cacheControl"\r\n\r\n3600\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"lab":"GIA"}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name=""; filename="cert.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** The body as a request that delivers it in pieces of `size` bytes. */
function requestOf(body: Buffer, size: number): IncomingMessage {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) pieces.push(body.subarray(i, i + size));
  // The reader only iterates the request's chunks, which a Readable provides.
  return Readable.from(pieces) as unknown as IncomingMessage;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('readMultipartFile', () => {
  // Bytes that start like the delimiter but are not one, and a CRLF right before the end.
  const file = Buffer.concat([
    Buffer.from(`%PDF\r\n--${boundary.slice(0, 10)}not-a-boundary\r\n-`),
    Buffer.alloc(5000, 0x41),
    Buffer.from('\r\n'),
  ]);

  for (const size of [1, 2, 3, 7, 13, 64, 1024, 1 << 20]) {
    it(`reads fields and the file when the body arrives in ${size}-byte pieces`, async () => {
      const parsed = await readMultipartFile(requestOf(form(file), size), boundary);
      expect(parsed.fields).toEqual({ cacheControl: '3600', metadata: '{"lab":"GIA"}' });
      expect(parsed.mimeType).toBe('application/pdf');
      expect((await collect(parsed.stream)).equals(file)).toBe(true);
    });
  }

  it('errors the file stream when the body ends before the closing boundary', async () => {
    const body = form(file);
    const parsed = await readMultipartFile(
      requestOf(body.subarray(0, body.length - 200), 100),
      boundary,
    );
    await expect(collect(parsed.stream)).rejects.toThrow(/before the file was complete/);
  });

  it('refuses a form without a file', async () => {
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="cacheControl"\r\n\r\n3600\r\n--${boundary}--\r\n`,
    );
    await expect(readMultipartFile(requestOf(body, 16), boundary)).rejects.toMatchObject({
      message: 'No content provided',
    });
  });

  it('reads quoted and unquoted boundaries from the content type', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(multipartBoundary(`multipart/form-data; boundary="${boundary}"; charset=utf-8`)).toBe(
      boundary,
    );
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
  });
});
