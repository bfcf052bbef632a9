// A centred spinner filling the window, while the app restores the session on first load.
import { Center, Loader } from '@mantine/core';

export function FullPageLoader({ label = 'Loading Loupe' }: { label?: string }) {
  return (
    <Center mih="100dvh" role="status" aria-label={label}>
      <Loader aria-hidden />
    </Center>
  );
}
