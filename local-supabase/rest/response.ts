// Stage 5, as PostgREST's Response.hs: status code, Content-Range, Preference-Applied and the
// body Postgres built, per request kind and Prefer header.
import type { ServerResponse } from 'node:http';
import type { ApiRequest } from './request';
import type { Plan } from './plan';
import type { Statement } from './query';
import type { StatementResult } from './transaction';
import { ApiError } from './errors';

export type Reply = { status: number; headers: Record<string, string>; body: string };

function contentRange(from: number, pageTotal: number, total: number | null): string {
  const range = pageTotal > 0 ? `${from}-${from + pageTotal - 1}` : '*';
  return `${range}/${total ?? '*'}`;
}

function preferenceApplied(request: ApiRequest, plan: Plan): string | undefined {
  const applied: string[] = [];
  const p = request.prefer;
  if (p.count) applied.push(`count=${p.count}`);
  if (plan.kind === 'insert' && plan.onConflict && p.resolution)
    applied.push(`resolution=${p.resolution}`);
  if (plan.kind === 'insert' && p.missing) applied.push(`missing=${p.missing}`);
  if (plan.kind !== 'read' && p.return) applied.push(`return=${p.return}`);
  if (p.tx) applied.push(`tx=${p.tx}`);
  return applied.length ? applied.join(', ') : undefined;
}

export function buildReply(
  request: ApiRequest,
  plan: Plan,
  statement: Statement,
  result: StatementResult,
  offset: number,
  schemas: string[],
): Reply {
  const headers: Record<string, string> = {};
  // PostgREST names the schema it answered from when more than one is exposed.
  if (schemas.length > 1) headers['Content-Profile'] = request.schema;
  const applied = preferenceApplied(request, plan);
  if (applied) headers['Preference-Applied'] = applied;
  const contentType =
    request.accept.type === 'object'
      ? 'application/vnd.pgrst.object+json; charset=utf-8'
      : request.accept.type === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/json; charset=utf-8';

  if (plan.kind === 'read') {
    if (statement.shape === 'void') return { status: 204, headers, body: '' };
    headers['Content-Type'] = contentType;
    if (statement.shape === 'scalar') return { status: 200, headers, body: result.body ?? 'null' };
    const total = result.total;
    headers['Content-Range'] = contentRange(offset, result.pageTotal, total);
    let status = 200;
    if (total !== null && request.accept.type !== 'object') {
      const upper = offset + result.pageTotal - 1;
      if (offset > total && !(offset === 0 && total === 0)) {
        throw new ApiError(
          416,
          'PGRST103',
          'Requested range not satisfiable',
          `An offset of ${offset} was requested, but there are only ${total} rows.`,
          null,
          { 'Content-Range': `*/${total}` },
        );
      }
      if (1 + upper - offset < total) status = 206;
    }
    return { status, headers, body: result.body ?? '[]' };
  }

  const count = request.prefer.count ? result.pageTotal : null;
  // As Response.hs: inserts and deletes answer `*/count`, updates `0-(n-1)/count`.
  headers['Content-Range'] =
    plan.kind === 'update' ? contentRange(0, result.pageTotal, count) : `*/${count ?? '*'}`;
  const representation = request.prefer.return === 'representation';
  if (plan.kind === 'insert' && plan.put) {
    // PUT (MutationSingleUpsert): 201 when it inserted, 200 when it replaced, 204 when minimal.
    if (!representation) return { status: 204, headers, body: '' };
    headers['Content-Type'] = contentType;
    return { status: (result.inserted ?? 0) > 0 ? 201 : 200, headers, body: result.body ?? '[]' };
  }
  if (plan.kind === 'insert') {
    const status =
      plan.onConflict?.action === 'merge' && result.inserted !== null && result.inserted <= 0
        ? 200
        : 201;
    if (!representation) return { status, headers, body: '' };
    headers['Content-Type'] = contentType;
    return { status, headers, body: result.body ?? '[]' };
  }
  if (!representation) return { status: 204, headers, body: '' };
  headers['Content-Type'] = contentType;
  return { status: 200, headers, body: result.body ?? '[]' };
}

export function send(res: ServerResponse, reply: Reply, head: boolean): void {
  if (reply.body !== '' || reply.status !== 204) {
    reply.headers['Content-Length'] = String(Buffer.byteLength(reply.body));
  }
  res.writeHead(reply.status, reply.headers);
  res.end(head || reply.status === 204 ? undefined : reply.body);
}
