// How the customer paid, as the stylist says it. Every method counts as paid in full: Shop Pay
// and the other installment providers pay the house up front.
import type { Enums } from '../../../types/database';

export type PaymentMethod = Enums<'payment_method'>;

export const paymentMethods: { value: PaymentMethod; label: string }[] = [
  { value: 'card', label: 'Card' },
  { value: 'shop_pay_installments', label: 'Shop Pay installments' },
  { value: 'installment_plan', label: 'Other installments' },
  { value: 'bank_transfer', label: 'Bank transfer' },
];
