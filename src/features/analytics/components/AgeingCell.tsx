// Cells of the ageing list that are more than text: the order code links to its workspace, and
// the status is a coloured badge that also says it in words.
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
      <Badge color="red" variant="light">
        Late
      </Badge>
    ) : (
      <Badge color="yellow" variant="light">
        At risk
      </Badge>
    );
  }
  return undefined;
}
