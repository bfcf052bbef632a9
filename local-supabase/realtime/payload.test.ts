// The postgres_changes `data` walrus builds: columns by privilege, old rows by replica identity,
// primary-key and privilege errors, and the 413 trimming.
import { describe, expect, it } from 'vitest';
import type { TableMeta } from './catalog';
import { buildChangeData, type CapturedChange } from './payload';

const meta = (over: Partial<TableMeta> = {}): TableMeta => ({
  schema: 'public',
  table: 'orders',
  columns: [
    { name: 'id', type: 'int8', pk: true },
    { name: 'stage', type: 'text', pk: false },
    { name: 'price', type: 'numeric', pk: false },
  ],
  pk: ['id'],
  replicaFull: false,
  rlsEnabled: true,
  published: true,
  publishes: { INSERT: true, UPDATE: true, DELETE: true },
  ...over,
});
const all = new Set(['id', 'stage', 'price']);
const change = (
  type: CapturedChange['type'],
  over: Partial<CapturedChange> = {},
): CapturedChange => ({
  seq: 1,
  schema: 'public',
  table: 'orders',
  type,
  commit_timestamp: '2026-01-01T00:00:00.000Z',
  record: type === 'DELETE' ? null : { id: 1, stage: 'qc', price: 10 },
  old_record: type === 'INSERT' ? null : { id: 1, stage: 'cad', price: 9 },
  ...over,
});

describe('buildChangeData', () => {
  it('INSERT: record and columns, no old_record key, errors null', () => {
    const data = buildChangeData(change('INSERT'), meta(), all, 100);
    expect(data).toEqual({
      schema: 'public',
      table: 'orders',
      type: 'INSERT',
      commit_timestamp: '2026-01-01T00:00:00.000Z',
      columns: [
        { name: 'id', type: 'int8' },
        { name: 'stage', type: 'text' },
        { name: 'price', type: 'numeric' },
      ],
      record: { id: 1, stage: 'qc', price: 10 },
      errors: null,
    });
  });

  it('UPDATE: the old row is the key, or everything with replica identity full', () => {
    expect(buildChangeData(change('UPDATE'), meta(), all, 100).old_record).toEqual({ id: 1 });
    expect(
      buildChangeData(change('UPDATE'), meta({ replicaFull: true }), all, 100).old_record,
    ).toEqual({ id: 1, stage: 'cad', price: 9 });
  });

  it('DELETE: whole old row only with identity full and no RLS', () => {
    const full = meta({ replicaFull: true });
    expect(buildChangeData(change('DELETE'), full, all, 100).old_record).toEqual({ id: 1 });
    expect(
      buildChangeData(change('DELETE'), { ...full, rlsEnabled: false }, all, 100).old_record,
    ).toEqual({ id: 1, stage: 'cad', price: 9 });
    expect(buildChangeData(change('DELETE'), full, all, 100)).not.toHaveProperty('record');
  });

  it('columns the role may not select are left out everywhere', () => {
    const data = buildChangeData(
      change('UPDATE'),
      meta({ replicaFull: true }),
      new Set(['id', 'stage']),
      100,
    );
    expect(data.columns?.map((c) => c.name)).toEqual(['id', 'stage']);
    expect(data.record).toEqual({ id: 1, stage: 'qc' });
    expect(data.old_record).toEqual({ id: 1, stage: 'cad' });
  });

  it('no primary key → Error 400; key not selectable → Error 401, with no record', () => {
    expect(buildChangeData(change('INSERT'), meta({ pk: [] }), all, 100)).toEqual({
      schema: 'public',
      table: 'orders',
      type: 'INSERT',
      errors: ['Error 400: Bad Request, no primary key'],
    });
    expect(buildChangeData(change('INSERT'), meta(), new Set(['stage']), 100).errors).toEqual([
      'Error 401: Unauthorized',
    ]);
  });

  it('over max_record_bytes: Error 413 and only values of at most 64 bytes', () => {
    const big = change('INSERT', { record: { id: 1, stage: 'x'.repeat(100), price: 10 } });
    const data = buildChangeData(big, meta(), all, 2000, 1000);
    expect(data.errors).toEqual(['Error 413: Payload Too Large']);
    expect(data.record).toEqual({ id: 1, price: 10 });
  });
});
