// What each column of the orders table says for one row of public.order_list, as plain text:
// the same words on screen (where the SLA also gets its badge) and in the CSV export.
import { formatElapsedLong, isSlaStatus, slaStatusLabels } from '../../../lib/sla-display';
import type { Tables } from '../../../types/database';
import type { ColumnId } from './columns';
import { productLabels } from './labels';
import type { CsvCell } from './csv';
import { metalLabels, stageLabels } from '../../../lib/order-vocabulary';

/** The columns the table reads (the sort keys code_sort and sla_rank stay in the database). */
export type OrderListRow = Omit<Tables<'order_list'>, 'code_sort' | 'sla_rank' | 'customer_id'>;

/** The columns each page and the export read (never `*`: the view may grow). */
export const orderListSelect =
  'id, code, stage, product, product_name, metal, priority, customer_display_name, stage_entered_at, time_in_stage, time_in_stage_unit, sla_status, promised_date, is_late, assignee_id, assignee_name, paid_at, paid_on, cad_rounds_used, created_at, created_on';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Mar 4, 2026" for a YYYY-MM-DD date (already on the house's calendar). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dateFormat.format(date);
}

export function timeInStageText(row: OrderListRow): string {
  if (row.time_in_stage === null || !row.time_in_stage_unit) return '';
  return formatElapsedLong(Number(row.time_in_stage), row.time_in_stage_unit);
}

export function slaText(row: OrderListRow): string {
  return isSlaStatus(row.sla_status) ? slaStatusLabels[row.sla_status] : '';
}

/** Screen text of a cell (the export uses ISO dates instead, see csvCell). */
export function cellText(row: OrderListRow, column: ColumnId): string {
  switch (column) {
    case 'code':
      return row.code ?? '';
    case 'customer':
      return row.customer_display_name ?? '';
    case 'product':
      return [row.product_name, row.product ? productLabels[row.product] : null]
        .filter(Boolean)
        .join(' · ');
    case 'metal':
      return row.metal ? metalLabels[row.metal] : '';
    case 'stage':
      return row.stage ? stageLabels[row.stage] : '';
    case 'timeInStage':
      return timeInStageText(row);
    case 'sla':
      return slaText(row);
    case 'promised':
      return formatDay(row.promised_date);
    case 'assignee':
      return row.assignee_name ?? '';
    case 'paid':
      return formatDay(row.paid_on);
    case 'cadRounds':
      return row.cad_rounds_used === null ? '' : `${row.cad_rounds_used} of 2`;
    case 'created':
      return formatDay(row.created_on);
  }
}

/**
 * An export cell: dates as ISO (spreadsheets sort them), numbers as numbers, the rest as on
 * screen.
 */
export function csvCell(row: OrderListRow, column: ColumnId): CsvCell {
  switch (column) {
    case 'promised':
      return row.promised_date;
    case 'paid':
      return row.paid_on;
    case 'created':
      return row.created_on;
    case 'cadRounds':
      return row.cad_rounds_used;
    default:
      return cellText(row, column);
  }
}
