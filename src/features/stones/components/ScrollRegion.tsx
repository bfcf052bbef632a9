// A table wider than a portrait tablet scrolls sideways inside a region that can take focus, so a
// keyboard user can scroll it too (axe: "scrollable region must have keyboard access") even when
// the table holds no button of its own (QC or a stylist reading the stones). The same shape as
// the metal ledger's; features do not share components, and this is five lines.
import type { ReactNode } from 'react';
import { Box } from '@mantine/core';

export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
