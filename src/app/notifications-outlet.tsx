// The notifications container on its own module, so provider.tsx can load it lazily: a dynamic
// import of '@mantine/notifications' itself would not split (features import its store).
import { Notifications } from '@mantine/notifications';

export default function NotificationsOutlet() {
  return <Notifications position="top-right" />;
}
