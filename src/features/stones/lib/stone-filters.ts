// The stone inventory's search and filters, as they live in the URL (?q=&state=&lab=&tab=):
// parsed into a typed value once, so the page and its query read the same thing.
export const stoneStates = ['available', 'allocated', 'set'] as const;
export type StoneState = (typeof stoneStates)[number];
export const stoneLabs = ['GIA', 'IGI'] as const;
export type StoneLab = (typeof stoneLabs)[number];
export type InventoryTab = 'certified' | 'melee';

export type StoneFilters = {
  tab: InventoryTab;
  /** Free text: report number, order code, shape, colour or clarity. */
  q: string;
  state: StoneState | null;
  lab: StoneLab | null;
};

const isState = (v: string | null): v is StoneState =>
  v !== null && (stoneStates as readonly string[]).includes(v);
const isLab = (v: string | null): v is StoneLab =>
  v !== null && (stoneLabs as readonly string[]).includes(v);

export function parseStoneFilters(params: URLSearchParams): StoneFilters {
  const state = params.get('state');
  const lab = params.get('lab');
  return {
    tab: params.get('tab') === 'melee' ? 'melee' : 'certified',
    q: (params.get('q') ?? '').trim().slice(0, 60),
    state: isState(state) ? state : null,
    lab: isLab(lab) ? lab : null,
  };
}

/** The URL for a set of filters: defaults are left out so a plain /stones stays plain. */
export function stoneFilterParams(filters: StoneFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.tab === 'melee') out.set('tab', 'melee');
  if (filters.q) out.set('q', filters.q);
  if (filters.state) out.set('state', filters.state);
  if (filters.lab) out.set('lab', filters.lab);
  return out;
}

/**
 * A typed report number as the database stores it (spaces and dashes dropped, upper case), so
 * "2200 0000 04" finds GIA 2200000004 the way the report prints it.
 */
export function normaliseReportNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Search text made safe for a PostgREST `or=(…ilike…)` filter (no commas, parentheses, *). */
export function searchPattern(q: string): string | null {
  const cleaned = q.replace(/[,()*%\\:"]/g, ' ').trim();
  return cleaned ? `%${cleaned}%` : null;
}

/** "1.02 ct", to the hundredth as jewelers say it, thousandths only where they exist. */
export function formatCarat(carat: number | null | undefined): string {
  if (carat === null || carat === undefined) return '—';
  const fixed = carat.toFixed(3).replace(/0$/, '');
  return `${fixed} ct`;
}

export const stateLabels: Record<StoneState, string> = {
  available: 'Available',
  allocated: 'Allocated',
  set: 'Set',
};
