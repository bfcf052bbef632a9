// A streaming multipart/form-data reader for uploads, the subset Supabase Storage reads with
// fastify-multipart: the text fields sent before the file (cacheControl, metadata) and the
// first file part, handed on as a stream so a large file is never held in memory.
import type { IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { ERRORS } from './errors';

export type MultipartFile = {
  fields: Record<string, string>;
  stream: Readable;
  mimeType: string;
};

const MAX_FIELD_BYTES = 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;

export function multipartBoundary(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return (m?.[1] ?? m?.[2])?.trim();
}

type PartHeaders = { name: string | undefined; filename: string | undefined; type: string };

function parsePartHeaders(text: string): PartHeaders {
  let name: string | undefined;
  let filename: string | undefined;
  let type = 'application/octet-stream';
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1];
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    } else if (key === 'content-type') {
      type = value;
    }
  }
  return { name, filename, type };
}

/**
 * Resolves once the first file part starts. Fields before it are collected; the file's bytes
 * flow through `stream` with backpressure on the request. A request that ends or aborts early
 * errors the stream, so the consumer (the temp-file writer) cleans up.
 */
export function readMultipartFile(req: IncomingMessage, boundary: string): Promise<MultipartFile> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  const file = new PassThrough();

  return new Promise<MultipartFile>((resolveFile, rejectFile) => {
    let settled = false;
    const fail = (error: Error) => {
      if (!settled) {
        settled = true;
        rejectFile(error);
      } else if (!file.destroyed) {
        file.destroy(error);
      }
    };

    void (async () => {
      // A leading CRLF makes the first delimiter look like every other one.
      let buffer: Buffer = Buffer.from('\r\n');
      type State = 'preamble' | 'headers' | 'body' | 'done';
      let state = 'preamble' as State;
      const finished = () => state === 'done';
      let part: PartHeaders | undefined;
      let fieldChunks: Buffer[] = [];
      let fieldSize = 0;
      let inFile = false;

      const emit = async (data: Buffer) => {
        if (data.length === 0) return;
        if (inFile) {
          if (file.destroyed) return;
          if (!file.write(data)) await Promise.race([once(file, 'drain'), once(file, 'close')]);
        } else {
          fieldSize += data.length;
          if (fieldSize > MAX_FIELD_BYTES) throw ERRORS.InvalidRequest('Form field too large');
          fieldChunks.push(data);
        }
      };

      try {
        for await (const chunk of req) {
          // After the file, the rest (closing boundary) is drained, not parsed: leaving the
          // loop early would destroy the request before the response is written.
          if (state === 'done') continue;
          buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
          let progressed = true;
          while (progressed && !finished()) {
            progressed = false;
            if (state === 'preamble' || state === 'body') {
              const at = buffer.indexOf(delimiter);
              if (at < 0) {
                // Keep a tail that might be the start of a delimiter split across chunks.
                const keep = Math.min(buffer.length, delimiter.length + 1);
                if (state === 'body') await emit(buffer.subarray(0, buffer.length - keep));
                buffer = buffer.subarray(buffer.length - keep);
                break;
              }
              if (buffer.length < at + delimiter.length + 2) break;
              if (state === 'body') {
                await emit(buffer.subarray(0, at));
                if (inFile) {
                  file.end();
                  state = 'done';
                  break;
                }
                if (part?.name !== undefined) {
                  fields[part.name] = Buffer.concat(fieldChunks).toString('utf8');
                }
              }
              const after = buffer.subarray(at + delimiter.length, at + delimiter.length + 2);
              if (after.toString() === '--') {
                state = 'done';
                break;
              }
              buffer = buffer.subarray(at + delimiter.length + 2);
              state = 'headers';
              progressed = true;
            } else if (state === 'headers') {
              const end = buffer.indexOf('\r\n\r\n');
              if (end < 0) {
                if (buffer.length > MAX_HEADER_BYTES) throw ERRORS.InvalidRequest('Malformed form');
                break;
              }
              part = parsePartHeaders(buffer.subarray(0, end).toString('utf8'));
              buffer = buffer.subarray(end + 4);
              fieldChunks = [];
              fieldSize = 0;
              state = 'body';
              if (part.filename !== undefined && !settled) {
                inFile = true;
                settled = true;
                resolveFile({ fields, stream: file, mimeType: part.type });
              }
              progressed = true;
            }
          }
          if (state === 'done') buffer = Buffer.alloc(0);
        }
        if (!settled) fail(ERRORS.NoContentProvided());
        else if (state !== 'done') fail(new Error('upload ended before the file was complete'));
      } catch (error) {
        fail(error as Error);
      }
    })();
  });
}
