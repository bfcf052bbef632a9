// Board filters live in the URL (shareable, survive a reload): q (code or customer), mine,
// product, risk and late. Parsing ignores values it does not know, so an old link never breaks.
import { Constants, type Enums } from '../../../types/database';
import type { BoardCard } from './board-cards';

export type ProductBase = Enums<'product_base'>;
export type IntakeRisk = Enums<'intake_risk'>;

export type BoardFilters = {
  q: string;
  mine: boolean;
  product: ProductBase | null;
  risk: IntakeRisk | null;
  late: boolean;
};

export const noFilters: BoardFilters = {
  q: '',
  mine: false,
  product: null,
  risk: null,
  late: false,
};

const products = Constants.public.Enums.product_base as readonly string[];
const risks = Constants.public.Enums.intake_risk as readonly string[];

export function parseBoardFilters(params: URLSearchParams): BoardFilters {
  const product = params.get('product');
  const risk = params.get('risk');
  return {
    q: params.get('q')?.trim() ?? '',
    mine: params.get('mine') === '1',
    product: product && products.includes(product) ? (product as ProductBase) : null,
    risk: risk && risks.includes(risk) ? (risk as IntakeRisk) : null,
    late: params.get('late') === '1',
  };
}

/** The same URL with these filters; other parameters (the open order) are kept. */
export function withBoardFilters(params: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) =>
    value ? next.set(key, value) : next.delete(key);
  set('q', filters.q.trim() || null);
  set('mine', filters.mine ? '1' : null);
  set('product', filters.product);
  set('risk', filters.risk);
  set('late', filters.late ? '1' : null);
  return next;
}

export function hasFilters(filters: BoardFilters): boolean {
  return !!filters.q || filters.mine || !!filters.product || !!filters.risk || filters.late;
}

/** Late: past the promised date, or the stage's SLA clock is red. */
export function isCardLate(card: BoardCard): boolean {
  return card.is_late === true || card.sla_status === 'red';
}

export function matchesFilters(card: BoardCard, filters: BoardFilters, myId: string): boolean {
  if (filters.mine && card.assignee_id !== myId) return false;
  if (filters.product && card.product !== filters.product) return false;
  if (filters.risk && !card.risk_flags.includes(filters.risk)) return false;
  if (filters.late && !isCardLate(card)) return false;
  if (filters.q) {
    const needle = filters.q.toLowerCase();
    const code = card.code.toLowerCase();
    const customer = (card.customer_display_name ?? '').toLowerCase();
    if (!code.includes(needle) && !customer.includes(needle)) return false;
  }
  return true;
}
