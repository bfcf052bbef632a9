// One line per history event, in the workshop's words ("Moved from CAD to production"). The
// events are written by the database's rule functions and triggers; this only words them.
import type { Enums, Json } from '../../../types/database';
import { priorityLabels, type OrderStage } from './labels';
import { stageLabels } from '../../../lib/order-vocabulary';

export type OrderEventLike = {
  kind: Enums<'order_event_kind'>;
  from_stage: OrderStage | null;
  to_stage: OrderStage | null;
  note: string | null;
  data: Json;
};

type Change = { from: Json; to: Json };

function record(value: Json | undefined): Record<string, Json | undefined> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function stage(s: OrderStage | null): string {
  return s ? stageLabels[s].toLowerCase().replace(/^cad$/, 'CAD').replace(/^qc$/, 'QC') : '—';
}

function describeChanges(data: Record<string, Json | undefined>): string {
  const parts: string[] = [];
  const assignee = record(data.assignee) as Partial<Change>;
  if (data.assignee !== undefined) {
    parts.push(
      assignee.to
        ? `Assigned to ${String(assignee.to)}`
        : `Unassigned (was ${String(assignee.from ?? 'nobody')})`,
    );
  }
  const priority = record(data.priority) as Partial<Change>;
  if (data.priority !== undefined) {
    parts.push(
      `Priority ${priorityLabels[Number(priority.to)]?.toLowerCase() ?? String(priority.to)}`,
    );
  }
  const promised = record(data.promised_date) as Partial<Change>;
  if (data.promised_date !== undefined) {
    parts.push(promised.to ? `Promised for ${String(promised.to)}` : 'Promised date cleared');
  }
  return parts.length ? parts.join('; ') : 'Details changed';
}

export function describeEvent(event: OrderEventLike): string {
  const data = record(event.data);
  switch (event.kind) {
    case 'created':
      return 'Order opened';
    case 'payment_recorded':
      return 'Full payment recorded';
    case 'stage_changed':
      if (event.to_stage === 'on_hold') return `Put on hold from ${stage(event.from_stage)}`;
      if (event.to_stage === 'cancelled') return 'Cancelled';
      if (event.from_stage === 'on_hold') return `Back from hold to ${stage(event.to_stage)}`;
      if (data.rework) return 'Sent back to production for rework';
      return `Moved from ${stage(event.from_stage)} to ${stage(event.to_stage)}`;
    case 'cad_sent':
      return 'CAD design sent to the customer';
    case 'cad_tweak_requested':
      return data.round
        ? `Customer asked for tweak round ${String(data.round)}/2`
        : 'Customer asked for a tweak';
    case 'cad_approved':
      return 'Customer approved the CAD design';
    case 'major_change':
      return 'Major change recorded: back to awaiting payment for a new quote';
    case 'qc_started':
      return 'QC started';
    case 'qc_passed':
      return 'QC passed';
    case 'qc_failed':
      return 'QC failed';
    case 'certificate_added':
      return `Certificate added${data.lab ? ` (${String(data.lab)} ${String(data.report_number ?? '')})` : ''}`;
    case 'shipped':
      return `Shipped${data.carrier ? ` with ${String(data.carrier)}` : ''}${data.tracking_number ? `, tracking ${String(data.tracking_number)}` : ''}`;
    case 'service_requested': {
      const kind = String(data.kind ?? 'service');
      if (kind === 'resize') {
        return `Resize requested ${String(data.from_size)} → ${String(data.to_size)} (${data.is_free ? 'free' : 'billed'})`;
      }
      return `${kind.replace('_', ' ').replace(/^./, (c) => c.toUpperCase())} requested`;
    }
    case 'details_changed':
      return describeChanges(data);
    default:
      return String(event.kind).replace(/_/g, ' ');
  }
}
