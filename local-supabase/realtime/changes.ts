// The postgres_changes pipeline: NOTIFYs from the capture trigger (020_realtime.sql) are queued
// and handled strictly in commit order. For each change: which channels' bindings match
// (schema, table, event, filter), then per distinct (role, claims) which columns are visible and,
// when the table has RLS and the change is not a DELETE, whether that subscriber can select the
// row now — all subscribers of a change checked in one call to realtime.visible_to, as walrus
// checks them in one apply_rls pass — then one message per channel with the matching ids.
import type { Database } from '../db/database';
import type { Catalog, TableMeta } from './catalog';
import { matchesFilter } from './filters';
import type { ChangeListener, Hub, PgBinding } from './hub';
import { buildChangeData, type CapturedChange, type ChangeData } from './payload';

const CHANGES_CHANNEL = 'supabase_realtime_changes';
const SCHEMA_CHANNEL = 'supabase_realtime_schema';
/** Without an event trigger (no superuser), how often to re-sync triggers and the catalog. */
const POLL_MS = 2000;

type Notified = (CapturedChange & { parked?: undefined }) | { seq: number; parked: true };

type Group = {
  role: string;
  claims: Record<string, unknown>;
  listeners: { listener: ChangeListener; ids: number[] }[];
};

export type ChangeFeedOptions = { maxRecordBytes?: number; log?: (line: string) => void };

export class ChangeFeed {
  private queue: string[] = [];
  private draining: Promise<void> | undefined;
  private unlisten: (() => Promise<void>)[] = [];
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** For tests and the benchmark: resolves when everything queued so far is delivered. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  constructor(
    private readonly db: Database,
    private readonly catalog: Catalog,
    private readonly hub: Hub,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  async start(): Promise<void> {
    // Migrations may have added tables to the publication while no event trigger could fire
    // (or on a database bootstrapped elsewhere): reconcile once at start.
    await this.db.query(`select realtime.sync_capture_triggers()`);
    // Parked changes from a previous run belong to nobody now.
    await this.db.query(`delete from realtime.pending_changes`);
    this.unlisten.push(await this.db.listen(CHANGES_CHANNEL, (p) => this.enqueue(p)));
    this.unlisten.push(await this.db.listen(SCHEMA_CHANNEL, () => this.catalog.invalidate()));
    const hasEventTrigger = await this.db.query(
      `select 1 from pg_catalog.pg_event_trigger where evtname = 'supabase_realtime_schema_change'`,
    );
    if (hasEventTrigger.rows.length === 0) {
      this.pollTimer = setInterval(() => {
        this.db
          .query(`select realtime.sync_capture_triggers()`)
          .then(() => this.catalog.invalidate())
          .catch(() => undefined);
      }, POLL_MS);
      this.pollTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    for (const off of this.unlisten) await off().catch(() => undefined);
    await this.draining?.catch(() => undefined);
  }

  private enqueue(payload: string): void {
    if (this.stopped) return;
    this.queue.push(payload);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const payload = this.queue.shift() as string;
      try {
        await this.process(payload);
      } catch (error) {
        this.options.log?.(`realtime: change dropped: ${(error as Error)?.stack ?? error}`);
      }
    }
  }

  private async resolve(payload: string): Promise<{ change: CapturedChange; bytes: number }> {
    const notified = JSON.parse(payload) as Notified;
    if (!notified.parked) return { change: notified, bytes: Buffer.byteLength(payload) };
    const r = await this.db.query<{ payload: string }>(
      `delete from realtime.pending_changes where seq = $1 returning payload::text as payload`,
      [notified.seq],
    );
    const text = r.rows[0]?.payload;
    if (!text) throw new Error(`parked change ${notified.seq} is gone`);
    return { change: JSON.parse(text) as CapturedChange, bytes: Buffer.byteLength(text) };
  }

  private matches(
    binding: PgBinding,
    change: CapturedChange,
    meta: TableMeta,
    identity: Record<string, unknown> | null,
  ): boolean {
    if (binding.schema !== change.schema) return false;
    if (binding.table !== undefined && binding.table !== change.table) return false;
    if (binding.event !== '*' && binding.event !== change.type) return false;
    const filter = binding.filter;
    if (!filter) return true;
    const type = meta.columns.find((c) => c.name === filter.column)?.type ?? 'text';
    // walrus matches the new row, and for DELETE the old row as far as the WAL has it.
    if (change.type === 'DELETE') return matchesFilter(filter, type, identity);
    return matchesFilter(filter, type, change.record);
  }

  private async process(payload: string): Promise<void> {
    if (this.hub.changeListeners.size === 0) {
      // Nobody listens: still consume a parked row so it does not pile up.
      if (payload.includes('"parked"')) await this.resolve(payload).catch(() => undefined);
      return;
    }
    const { change, bytes } = await this.resolve(payload);
    const meta = await this.catalog.table(change.schema, change.table);
    // A trigger left on a table that has just left the publication: Supabase would not stream it.
    if (!meta?.published) return;
    // `publish = 'insert, update'` publications leave the other operations out, as wal2json's
    // `actions` does on Supabase.
    if (meta.publishes && !meta.publishes[change.type]) return;

    // The old row as the WAL would carry it: the key, or everything with replica identity full.
    const identity =
      change.old_record && !meta.replicaFull
        ? Object.fromEntries(meta.pk.map((c) => [c, change.old_record?.[c]]))
        : change.old_record;

    const groups = new Map<string, Group>();
    for (const listener of this.hub.changeListeners) {
      const ids = listener.pgBindings
        .filter((b) => this.matches(b, change, meta, identity))
        .map((b) => b.id);
      if (ids.length === 0) continue;
      const { scopeKey, role, claims } = listener.auth;
      let group = groups.get(scopeKey);
      if (!group) {
        group = { role, claims, listeners: [] };
        groups.set(scopeKey, group);
      }
      group.listeners.push({ listener, ids: [...new Set(ids)] });
    }
    if (groups.size === 0) return;

    const prepared: { group: Group; data: ChangeData }[] = [];
    for (const group of groups.values()) {
      const selectable = await this.catalog.selectableColumns(
        change.schema,
        change.table,
        group.role,
      );
      if (!selectable) continue; // the JWT names a role this database does not have
      prepared.push({
        group,
        data: buildChangeData(change, meta, selectable, bytes, this.options.maxRecordBytes),
      });
    }

    // RLS at delivery time; errors (400/401) are sent without a check, as walrus does.
    const toCheck =
      meta.rlsEnabled && change.type !== 'DELETE'
        ? prepared
            .filter((p) => p.data.errors === null || p.data.errors[0]?.startsWith('Error 413'))
            // Grouped by role: visible_to reuses one plan across a role's subscribers.
            .sort((x, y) => x.group.role.localeCompare(y.group.role))
        : [];
    const hidden = new Set<Group>();
    if (toCheck.length > 0) {
      const r = await this.db.query<{ visible: boolean[] }>(
        // Arrays travel as one JSON document each: both drivers bind that the same way.
        `select realtime.visible_to(
           format('%I.%I', $1::text, $2::text)::regclass,
           $3::jsonb,
           array(select e from jsonb_array_elements_text($4::jsonb) with ordinality x(e, i) order by i),
           array(select e from jsonb_array_elements($5::jsonb) with ordinality x(e, i) order by i)) as visible`,
        [
          change.schema,
          change.table,
          JSON.stringify(change.record),
          JSON.stringify(toCheck.map((p) => p.group.role)),
          JSON.stringify(toCheck.map((p) => p.group.claims)),
        ],
      );
      const visible = r.rows[0]?.visible ?? [];
      toCheck.forEach((p, i) => {
        if (visible[i] !== true) hidden.add(p.group);
      });
    }

    for (const { group, data } of prepared) {
      if (hidden.has(group)) continue;
      for (const { listener, ids } of group.listeners) listener.sendChange(ids, data);
    }
  }
}
