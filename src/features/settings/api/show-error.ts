// A refused settings change, as the house's notification: the database's plain sentence. Used
// by mutations that roll back an optimistic change in onError (the query client's global
// notice stands aside for any mutation with its own onError).
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';

export function showSettingsError(error: unknown) {
  notifications.show({
    color: 'red',
    title: 'That did not work',
    message: toAppError(error).message,
  });
}
