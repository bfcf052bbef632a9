// "Print tickets": a menu of the two ticket papers the house uses; one PDF for all the given
// orders, one ticket per page, opened in a new tab to print.
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { usePrintTicketsMutation } from '../api/tickets-print-mutation';
import { paperSizes, type TicketPaper } from '../lib/ticket-paper';

type PrintTicketsButtonProps = {
  codes: readonly string[];
  /** "Print ticket" for one order, "Print 3 tickets" for a selection. */
  label?: string;
  variant?: ButtonProps['variant'];
};

export function PrintTicketsButton({ codes, label, variant = 'light' }: PrintTicketsButtonProps) {
  const print = usePrintTicketsMutation();
  const text = label ?? (codes.length === 1 ? 'Print ticket' : `Print ${codes.length} tickets`);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant={variant}
          size="sm"
          mih={44}
          leftSection={<IconPrinter size={16} aria-hidden />}
          loading={print.isPending}
          disabled={codes.length === 0}
        >
          {text}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Ticket paper</Menu.Label>
        {(Object.keys(paperSizes) as TicketPaper[]).map((paper) => (
          <Menu.Item key={paper} mih={44} onClick={() => print.mutate({ codes, paper })}>
            {paperSizes[paper].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
