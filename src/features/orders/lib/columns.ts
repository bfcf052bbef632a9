// The orders table's columns: their ids (as used in the URL), headers, and which column of
// public.order_list each one sorts by. Sorting is done by the database, never on a page.
export const columnIds = [
  'code',
  'customer',
  'product',
  'metal',
  'stage',
  'timeInStage',
  'sla',
  'promised',
  'assignee',
  'paid',
  'cadRounds',
  'created',
] as const;
export type ColumnId = (typeof columnIds)[number];

export const columnLabels: Record<ColumnId, string> = {
  code: 'Order',
  customer: 'Customer',
  product: 'Product',
  metal: 'Metal',
  stage: 'Stage',
  timeInStage: 'Time in stage',
  sla: 'SLA',
  promised: 'Promised',
  assignee: 'Assignee',
  paid: 'Paid',
  cadRounds: 'CAD rounds',
  created: 'Created',
};

/**
 * The order_list column each table column sorts by, and whether the column's "ascending" is
 * the database's descending: more time in stage means an earlier stage_entered_at, and codes
 * sort by year and number (code_sort), not as text.
 */
export const sortColumns: Record<ColumnId, { column: string; inverted: boolean }> = {
  code: { column: 'code_sort', inverted: false },
  customer: { column: 'customer_display_name', inverted: false },
  product: { column: 'product_name', inverted: false },
  metal: { column: 'metal', inverted: false },
  stage: { column: 'stage', inverted: false },
  timeInStage: { column: 'stage_entered_at', inverted: true },
  sla: { column: 'sla_rank', inverted: false },
  promised: { column: 'promised_date', inverted: false },
  assignee: { column: 'assignee_name', inverted: false },
  paid: { column: 'paid_at', inverted: false },
  cadRounds: { column: 'cad_rounds_used', inverted: false },
  created: { column: 'created_at', inverted: false },
};

export function isColumnId(value: string): value is ColumnId {
  return (columnIds as readonly string[]).includes(value);
}
