// Cells of the ageing list that are more than text: the order code links to its workspace, and
// the status is a coloured badge that also says it in words (shades chosen for 4.5:1 contrast).
import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { AgeingRow } from '../lib/report';

export function renderAgeingCell(row: AgeingRow, column: number) {
  if (column === 0) {
    return (
      <Anchor component={Link} to={paths.order(row.code)} fw={600} display="inline-block" py={10}>
        {row.code}
      </Anchor>
    );
  }
  if (column === 2) {
    return row.status === 'late' ? (
      <Badge color="red.9">Late</Badge>
    ) : (
      <Badge color="yellow.4" autoContrast>
        At risk
      </Badge>
    );
  }
  return undefined;
}
