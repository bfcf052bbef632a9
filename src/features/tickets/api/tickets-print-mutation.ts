// Printing job tickets: read what they show, build one PDF (a page per order) and open it. A
// failure (an order gone, no access, a render that would not load) says why in a notification.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';
import type { TicketPaper } from '../lib/ticket-paper';
import { deliverPdf } from '../lib/deliver-pdf';
import { ticketQueries } from './tickets-queries';

export type PrintTicketsVariables = { codes: readonly string[]; paper: TicketPaper };

export function usePrintTicketsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ticketQueries.all(), 'print'],
    mutationFn: async ({ codes, paper }: PrintTicketsVariables) => {
      const orders = await queryClient.fetchQuery(ticketQueries.orders(codes));
      // pdf-lib and qrcode load on the first print, not with the board or the order page.
      const { buildTicketsPdf } = await import('../lib/ticket-pdf');
      const bytes = await buildTicketsPdf(orders, { paper, origin: window.location.origin });
      const name = codes.length === 1 ? `ticket-${codes[0]}.pdf` : `tickets-${codes.length}.pdf`;
      return deliverPdf(bytes, name);
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: 'Tickets not printed',
        message: toAppError(error).message,
      });
    },
  });
}
