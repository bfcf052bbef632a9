// A minimal `fetch` over node:http with a keep-alive agent, for the benchmark's client only.
// Node 20's built-in fetch (undici) spends ~0.2–0.4 ms of CPU per call on this machine — more
// than the stack's own work on a single-row read — and the client shares the machine's two
// cores with the server. supabase-js accepts a custom fetch (`global.fetch`), so the benchmark
// measures the stack rather than undici. Browsers use their native fetch; this file is not
// shipped and supports only what supabase-js's REST client sends (method, headers, text body).
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, key) => (out[key] = value));
  return out;
}

export const httpFetch: typeof fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    return Promise.reject(new TypeError('httpFetch sends text bodies only'));
  }
  return new Promise<Response>((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init?.method ?? 'GET',
        headers: headerRecord(init?.headers),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const headers = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers.set(key, Array.isArray(value) ? value.join(', ') : value);
          }
          // 204/304 responses may not carry a body in the Response constructor.
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, statusText: res.statusMessage, headers }));
        });
      },
    );
    req.on('error', reject);
    init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
    req.end(body ?? undefined);
  });
};
