// Broadcast from the database (realtime.send / realtime.broadcast_changes in 020_realtime.sql):
// each NOTIFY names a queued realtime.messages row; the row is taken (deleted) and its payload
// broadcast to the channels on its topic, in the order the database sent them.
import type { Database } from '../db/database';
import { topicKey, type Hub } from './hub';

const CHANNEL = 'supabase_realtime_broadcast';

export async function listenForDatabaseBroadcasts(
  db: Database,
  hub: Hub,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  let chain: Promise<void> = Promise.resolve();
  const deliver = async (id: string) => {
    const r = await db.query<{
      topic: string;
      event: string | null;
      payload: string | null;
      private: boolean | null;
    }>(
      `delete from realtime.messages where id = $1::uuid
       returning topic, event, payload::text as payload, private`,
      [id],
    );
    const row = r.rows[0];
    if (!row) return;
    hub.broadcast(
      topicKey(`realtime:${row.topic}`, row.private !== false),
      undefined,
      row.event ?? '',
      row.payload === null ? {} : (JSON.parse(row.payload) as unknown),
    );
  };
  return db.listen(CHANNEL, (id) => {
    chain = chain
      .then(() => deliver(id))
      .catch((error: unknown) => log(`realtime: database broadcast dropped: ${String(error)}`));
  });
}
