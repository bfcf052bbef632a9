// The one-line facts of a request as the queue shows them: base, metal, size, budget, gift date.
import dayjs from 'dayjs';
import type { Enums } from '../../../types/database';
import { baseLabels, formatMoney } from './labels';
import { metalLabels } from '../../../lib/order-vocabulary';

type Facts = {
  base: Enums<'product_base'>;
  metal: Enums<'metal'>;
  ring_size: number | null;
  budget_amount: number | null;
  budget_currency: string;
  is_gift: boolean;
  needed_by: string | null;
};

export function requestFacts(r: Facts): string[] {
  const facts = [baseLabels[r.base], metalLabels[r.metal]];
  if (r.ring_size !== null) facts.push(`Size ${r.ring_size}`);
  if (r.budget_amount !== null)
    facts.push(`Budget ${formatMoney(r.budget_amount, r.budget_currency)}`);
  if (r.needed_by) {
    facts.push(
      `${r.is_gift ? 'Gift, needed by' : 'Needed by'} ${dayjs(r.needed_by).format('D MMM YYYY')}`,
    );
  } else if (r.is_gift) {
    facts.push('Gift');
  }
  return facts;
}
