// One order as the workspace shows it: the order row, its board figures (time in stage, SLA
// status, assignee name, CAD rounds), the customer's display name and — only for roles RLS lets
// see them — contact details, and the intake request it came from.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type OrderRow = Tables<'orders'>;
export type OrderCard = Tables<'order_board'>;
export type CustomerContact = Tables<'customer_contacts'>;
export type IntakeRequest = Tables<'intake_requests'>;

export type WorkspaceOrder = {
  order: OrderRow;
  card: OrderCard | null;
  customerName: string;
  /** Null for workshop and QC: the database hides contact details from them. */
  contact: CustomerContact | null;
  intake: IntakeRequest | null;
};

function one<T>(value: T | T[] | null | undefined): T | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

export async function fetchWorkspaceOrder(code: string): Promise<WorkspaceOrder> {
  const [orderResult, cardResult] = await Promise.all([
    supabase
      .from('orders')
      .select('*, customer:customers(display_name), intake:intake_requests(*)')
      .eq('code', code)
      .maybeSingle(),
    supabase.from('order_board').select('*').eq('code', code).maybeSingle(),
  ]);
  if (orderResult.error) throw toAppError(orderResult.error);
  if (cardResult.error) throw toAppError(cardResult.error);
  if (!orderResult.data) {
    throw new AppError('PT404', `There is no order ${code}, or you cannot see it.`, 404);
  }
  const { customer, intake, ...order } = orderResult.data;
  // A separate read: RLS answers an empty list to workshop and QC, which is what they should see.
  const contactResult = await supabase
    .from('customer_contacts')
    .select('*')
    .eq('customer_id', order.customer_id)
    .maybeSingle();
  if (contactResult.error) throw toAppError(contactResult.error);
  return {
    order,
    card: cardResult.data,
    customerName: one(customer)?.display_name ?? 'Unknown customer',
    contact: contactResult.data,
    intake: one(intake),
  };
}
