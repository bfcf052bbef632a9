// Who else has the board open: Realtime presence on one channel, keyed by staff id so a
// person with two tabs counts once.
import { useEffect, useState } from 'react';
import { supabase } from '../../../lib/supabase';

export type BoardViewer = { id: string; name: string; role: string };

type PresenceMeta = { name?: unknown; role?: unknown };

export function useBoardPresence(me: BoardViewer): BoardViewer[] {
  const [others, setOthers] = useState<BoardViewer[]>([]);
  const { id, name, role } = me;

  useEffect(() => {
    const channel = supabase.channel('board-presence', { config: { presence: { key: id } } });
    channel
      .on('presence', { event: 'sync' }, () => {
        const state = channel.presenceState<PresenceMeta>();
        const viewers: BoardViewer[] = [];
        for (const [key, metas] of Object.entries(state)) {
          const meta = metas[0];
          if (key === id || !meta) continue;
          viewers.push({
            id: key,
            name: typeof meta.name === 'string' ? meta.name : 'Someone',
            role: typeof meta.role === 'string' ? meta.role : '',
          });
        }
        viewers.sort((a, b) => a.name.localeCompare(b.name));
        setOthers(viewers);
      })
      .subscribe((state) => {
        if (state === 'SUBSCRIBED') void channel.track({ name, role });
      });
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [id, name, role]);

  return others;
}
