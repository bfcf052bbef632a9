// The loss section of the analytics page: public.metal_loss_report(from, to), managers only.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { MetalLossReport } from '../lib/loss-report';

export async function fetchMetalLossReport(from: string, to: string): Promise<MetalLossReport> {
  const { data, error } = await supabase.rpc('metal_loss_report', { p_from: from, p_to: to });
  if (error) throw toAppError(error);
  return data as unknown as MetalLossReport;
}
