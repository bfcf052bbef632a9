// /intake: the concierge's triage page (features/intake), with the payments feature's
// "Record payment" control in the slot for quotes awaiting payment. Loaded on demand
// (route.lazy): the module exports Component.
import { useQueryClient } from '@tanstack/react-query';
import { useRouteLoaderData } from 'react-router';
import { IntakeTriageView } from '../../features/intake/components/IntakeTriageView';
import { intakeQueries } from '../../features/intake/api/intake-queries';
import { RecordPayment } from '../../features/payments/components/RecordPayment';
import type { ShellLoaderData } from './shell-loader';

export function Component() {
  const { userId } = useRouteLoaderData('shell') as ShellLoaderData;
  const queryClient = useQueryClient();
  return (
    <IntakeTriageView
      currentUserId={userId}
      renderPaymentAction={(order) => (
        <RecordPayment
          orderId={order.id}
          version={order.version}
          stage={order.stage}
          onRecorded={() =>
            void queryClient.invalidateQueries({
              queryKey: intakeQueries.awaitingPayment().queryKey,
            })
          }
        />
      )}
    />
  );
}
