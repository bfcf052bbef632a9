// Which ledger entries count in the totals, as the database counts them: per original entry,
// the latest correction stands in for it (or the original when never corrected). The panel
// uses it to strike through what was replaced; the totals themselves come from the database.
export type EntryLink = { id: string; corrects_id: string | null; entry_no: number };

export function countingEntryIds(entries: EntryLink[]): Set<string> {
  const latest = new Map<string, EntryLink>();
  for (const e of entries) {
    const root = e.corrects_id ?? e.id;
    const seen = latest.get(root);
    if (!seen || e.entry_no > seen.entry_no) latest.set(root, e);
  }
  return new Set([...latest.values()].map((e) => e.id));
}
