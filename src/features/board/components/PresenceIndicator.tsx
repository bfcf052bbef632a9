// Who else is looking at the board right now, and whether the board is live.
import { Avatar, Group, Indicator, Text, Tooltip } from '@mantine/core';
import type { BoardViewer } from '../api/board-presence';
import type { LiveStatus } from '../api/board-realtime';
import { initials } from '../lib/labels';

const liveWords: Record<LiveStatus, { label: string; color: string }> = {
  connecting: { label: 'Connecting…', color: 'gray' },
  live: { label: 'Live', color: 'teal' },
  reconnecting: { label: 'Reconnecting…', color: 'orange' },
};

export function PresenceIndicator({ others, live }: { others: BoardViewer[]; live: LiveStatus }) {
  const shown = others.slice(0, 4);
  const names = others.map((viewer) => viewer.name).join(', ');
  const summary = others.length === 0 ? 'Only you are on the board' : `Also on the board: ${names}`;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      role="status"
      aria-label={`${liveWords[live].label}. ${summary}.`}
    >
      <Indicator
        color={liveWords[live].color}
        size={10}
        processing={live !== 'live'}
        position="middle-start"
        offset={-2}
      >
        <Text size="sm" c="gray.7" pl={14} aria-hidden>
          {liveWords[live].label}
        </Text>
      </Indicator>
      {others.length > 0 && (
        <Tooltip label={summary}>
          <Avatar.Group aria-hidden>
            {shown.map((viewer) => (
              <Avatar key={viewer.id} size={30} radius="xl" color="initials" name={viewer.name}>
                {initials(viewer.name)}
              </Avatar>
            ))}
            {others.length > shown.length && (
              <Avatar size={30} radius="xl">
                +{others.length - shown.length}
              </Avatar>
            )}
          </Avatar.Group>
        </Tooltip>
      )}
      <Text size="sm" c="gray.7" aria-hidden visibleFrom="md">
        {others.length === 0
          ? 'Only you'
          : `${others.length} other${others.length > 1 ? 's' : ''} here`}
      </Text>
    </Group>
  );
}
