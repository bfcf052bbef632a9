// /o/:code — the deep link a job ticket's QR encodes. At a desk (a phone camera or a scanner
// app opening the URL) a signed-in person lands on the order's page; signed out, they sign in
// first and come back here. A code that is not an order code is a 404, never a redirect
// elsewhere. The bench's /scan reads the same links itself and opens the bench card instead.
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../../config/paths';
import { ORDER_CODE_PATTERN } from '../../lib/order-link';
import { requireStaff } from './guards';

export const orderLinkLoader =
  (queryClient: QueryClient) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    await requireStaff(request, queryClient);
    const code = (params.code ?? '').trim().toUpperCase();
    if (!ORDER_CODE_PATTERN.test(code)) {
      throw data(`“${params.code ?? ''}” is not an order code.`, { status: 404 });
    }
    // The order page says plainly if there is no such order (or it is not visible to this role).
    return redirect(paths.order(code));
  };
