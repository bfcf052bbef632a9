// A stone's state as a badge: available (in the safe), allocated (reserved for an order), set
// (in the piece). Outline in dark shades, as the app's other status badges (AA contrast).
import { Badge } from '@mantine/core';
import { stateLabels, type StoneState } from '../lib/stone-filters';

const colours: Record<StoneState, string> = {
  available: 'teal.9',
  allocated: 'blue.9',
  set: 'grape.9',
};

export function StoneStateBadge({ state }: { state: string | null }) {
  const s = (state ?? 'available') as StoneState;
  return (
    <Badge variant="outline" color={colours[s] ?? 'gray.7'}>
      {stateLabels[s] ?? state}
    </Badge>
  );
}
