// Who else has the board open: Realtime presence on one shared channel. supabase-js keeps one
// channel per topic and a removed channel leaves only once the server acknowledges, so a board
// that unmounts and mounts again quickly would get the old channel back half-closed. The
// channel therefore lives as long as the app; the board tracks itself while it is shown and
// untracks when it leaves. Each tab tracks under its own key; people are told apart by id, so
// someone with two tabs counts once.
import { useEffect, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase';

export type BoardViewer = { id: string; name: string; role: string };

type PresenceMeta = { id?: unknown; name?: unknown; role?: unknown };

let channel: RealtimeChannel | null = null;
let joined = false;
let tracked: BoardViewer | null = null;
const listeners = new Set<() => void>();

function presenceChannel(): RealtimeChannel {
  if (channel) return channel;
  const created = supabase.channel('board-presence');
  created
    .on('presence', { event: 'sync' }, () => listeners.forEach((listener) => listener()))
    .subscribe((state) => {
      joined = state === 'SUBSCRIBED';
      // (Re)joined, after the first join or a reconnect: say again who is here.
      if (joined && tracked) void created.track(tracked);
    });
  channel = created;
  return created;
}

/** Everyone on the board but `myId`, by name. */
export function viewersOf(state: Record<string, PresenceMeta[]>, myId: string): BoardViewer[] {
  const byId = new Map<string, BoardViewer>();
  for (const metas of Object.values(state)) {
    for (const meta of metas) {
      if (typeof meta.id !== 'string' || meta.id === myId) continue;
      byId.set(meta.id, {
        id: meta.id,
        name: typeof meta.name === 'string' ? meta.name : 'Someone',
        role: typeof meta.role === 'string' ? meta.role : '',
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function useBoardPresence(me: BoardViewer): BoardViewer[] {
  const [others, setOthers] = useState<BoardViewer[]>([]);
  const { id, name, role } = me;

  useEffect(() => {
    const shared = presenceChannel();
    const update = () => setOthers(viewersOf(shared.presenceState<PresenceMeta>(), id));
    listeners.add(update);
    tracked = { id, name, role };
    if (joined) void shared.track(tracked);
    update();
    return () => {
      listeners.delete(update);
      tracked = null;
      if (joined) void shared.untrack();
    };
  }, [id, name, role]);

  return others;
}
