// The orders table's whole state — search, filters, sort, page, hidden columns — and its
// mapping to and from the URL's search params, so a view can be bookmarked, shared and
// restored with Back. Parsing forgives: unknown or malformed values fall back to defaults
// (an old bookmark still opens), and defaults are left out of the URL to keep it short.
import { columnIds, isColumnId, type ColumnId } from './columns';
import { orderStages, productBases, type OrderStage, type ProductBase } from './labels';

export type SlaFilter = 'green' | 'amber' | 'red';
export const slaFilters = ['green', 'amber', 'red'] as const satisfies readonly SlaFilter[];

/** ISO dates (YYYY-MM-DD) on the house's calendar; either end may be open. */
export type DateRange = { from: string | null; to: string | null };

export const pageSizes = [25, 50, 100] as const;
export type PageSize = (typeof pageSizes)[number];

/** Assignee filter: a staff id, "unassigned", or null for anyone. */
export const UNASSIGNED = 'unassigned';

export type OrdersTableState = {
  search: string;
  stages: OrderStage[];
  sla: SlaFilter[];
  assignee: string | null;
  products: ProductBase[];
  late: boolean;
  created: DateRange;
  promised: DateRange;
  paid: DateRange;
  sort: { column: ColumnId; desc: boolean };
  /** 1-based. */
  page: number;
  pageSize: PageSize;
  hidden: ColumnId[];
};

export const defaultTableState: OrdersTableState = {
  search: '',
  stages: [],
  sla: [],
  assignee: null,
  products: [],
  late: false,
  created: { from: null, to: null },
  promised: { from: null, to: null },
  paid: { from: null, to: null },
  // Newest orders first: what people look for most often.
  sort: { column: 'created', desc: true },
  page: 1,
  pageSize: 50,
  hidden: [],
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(','));
  // Kept in the canonical order, so equal filters give equal URLs (and query keys).
  return allowed.filter((v) => wanted.has(v));
}

function dateParam(raw: string | null): string | null {
  return raw && isIsoDate(raw) ? raw : null;
}

function range(params: URLSearchParams, name: string): DateRange {
  const from = dateParam(params.get(`${name}_from`));
  const to = dateParam(params.get(`${name}_to`));
  // A reversed range would match nothing; read it the way the person meant it.
  if (from && to && from > to) return { from: to, to: from };
  return { from, to };
}

export function parseTableState(params: URLSearchParams): OrdersTableState {
  const d = defaultTableState;
  const [sortId, sortDir] = (params.get('sort') ?? '').split('.');
  const sort =
    sortId && isColumnId(sortId) && (sortDir === 'asc' || sortDir === 'desc')
      ? { column: sortId, desc: sortDir === 'desc' }
      : d.sort;
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const assignee = params.get('assignee');
  return {
    search: (params.get('q') ?? '').trim().slice(0, 100),
    stages: list(params.get('stage'), orderStages),
    sla: list(params.get('sla'), slaFilters),
    assignee: assignee === UNASSIGNED || (assignee && uuidPattern.test(assignee)) ? assignee : null,
    products: list(params.get('product'), productBases),
    late: params.get('late') === '1',
    created: range(params, 'created'),
    promised: range(params, 'promised'),
    paid: range(params, 'paid'),
    sort,
    page: Number.isInteger(page) && page >= 1 ? page : d.page,
    pageSize: (pageSizes as readonly number[]).includes(size) ? (size as PageSize) : d.pageSize,
    hidden: list(params.get('hide'), columnIds),
  };
}

export function serializeTableState(state: OrdersTableState): URLSearchParams {
  const d = defaultTableState;
  const params = new URLSearchParams();
  const search = state.search.trim();
  if (search) params.set('q', search);
  const lists: Array<[string, readonly string[], readonly string[]]> = [
    ['stage', state.stages, orderStages],
    ['sla', state.sla, slaFilters],
    ['product', state.products, productBases],
  ];
  for (const [name, values, allowed] of lists) {
    const canonical = allowed.filter((v) => values.includes(v));
    if (canonical.length) params.set(name, canonical.join(','));
  }
  if (state.assignee) params.set('assignee', state.assignee);
  if (state.late) params.set('late', '1');
  for (const name of ['created', 'promised', 'paid'] as const) {
    const { from, to } = state[name];
    if (from) params.set(`${name}_from`, from);
    if (to) params.set(`${name}_to`, to);
  }
  if (state.sort.column !== d.sort.column || state.sort.desc !== d.sort.desc) {
    params.set('sort', `${state.sort.column}.${state.sort.desc ? 'desc' : 'asc'}`);
  }
  if (state.page !== d.page) params.set('page', String(state.page));
  if (state.pageSize !== d.pageSize) params.set('size', String(state.pageSize));
  const hidden = columnIds.filter((c) => state.hidden.includes(c));
  if (hidden.length) params.set('hide', hidden.join(','));
  return params;
}

/** Whether any filter narrows the list (search included); sort, page and columns do not. */
export function hasFilters(state: OrdersTableState): boolean {
  return (
    state.search.trim() !== '' ||
    state.stages.length > 0 ||
    state.sla.length > 0 ||
    state.assignee !== null ||
    state.products.length > 0 ||
    state.late ||
    [state.created, state.promised, state.paid].some((r) => r.from !== null || r.to !== null)
  );
}

/** The same view without filters (sort, page size and columns kept), back on page 1. */
export function clearFilters(state: OrdersTableState): OrdersTableState {
  return {
    ...defaultTableState,
    sort: state.sort,
    pageSize: state.pageSize,
    hidden: state.hidden,
  };
}

/** Any change of what is listed starts again at page 1; paging keeps everything else. */
export function withFilters(
  state: OrdersTableState,
  change: Partial<Omit<OrdersTableState, 'page' | 'sort' | 'pageSize' | 'hidden'>>,
): OrdersTableState {
  return { ...state, ...change, page: 1 };
}
