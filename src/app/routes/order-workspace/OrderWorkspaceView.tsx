// The order workspace: every section of one order, composed from the features that own them.
// Used by the /orders/:code page and by the board's drawer. Sections get the order row they
// need and hand back the new row after an act, so the whole view carries the current version.
import { Alert, Button, Grid, Skeleton, Stack } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useRouteLoaderData } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { paths } from '../../../config/paths';
import { toAppError } from '../../../lib/errors';
import { workspaceQueries } from '../../../features/workspace/api/workspace-queries';
import { useApplyOrderRow, useRefreshOrder } from '../../../features/workspace/api/order-cache';
import { useOrderLive, type LiveTable } from '../../../features/workspace/api/order-live';
import { OrderHeader } from '../../../features/workspace/components/OrderHeader';
import { OrderTimeline } from '../../../features/workspace/components/OrderTimeline';
import { SpecsSection } from '../../../features/workspace/components/SpecsSection';
import { CadSection } from '../../../features/cad/components/CadSection';
import { cadQueries } from '../../../features/cad/api/cad-queries';
import { ReviewLinksPanel } from '../../../features/review-links/components/ReviewLinksPanel';
import { ProductionSection } from '../../../features/production/components/ProductionSection';
import { refreshProductionSteps } from '../../../features/production/api/production-step-record-mutation';
import { ShippingSection } from '../../../features/shipping/components/ShippingSection';
import { shippingQueries } from '../../../features/shipping/api/shipping-queries';
import { QcSection } from '../../../features/qc/components/QcSection';
import { qcQueries } from '../../../features/qc/api/qc-queries';
import { CertificatesSection } from '../../../features/files/components/CertificatesSection';
import { MediaSection } from '../../../features/files/components/MediaSection';
import { RecordPayment } from '../../../features/payments/components/RecordPayment';
import { PrintTicketsButton } from '../../../features/tickets/components/PrintTicketsButton';
import { MetalLedgerPanel } from '../../../features/metal-ledger/components/MetalLedgerPanel';
import { OrderStonesPanel } from '../../../features/stones/components/OrderStonesPanel';
import { isCertificateMatchItem } from '../../../features/stones/lib/certificate-item';
import { CertificateStoneDetail } from './certificate-stone-detail';
import { staffQueries } from '../../../features/auth/api/staff-profile-query';
import type { ShellLoaderData } from '../shell-loader';

export function OrderWorkspaceView({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const workspace = useQuery(workspaceQueries.order(code));
  const orderId = workspace.data?.order.id;
  const applyOrderRow = useApplyOrderRow(code);
  const refreshOrder = useRefreshOrder(code, orderId);
  // The workshop and managers log metal; the profile is the one the shell's loader cached.
  const shell = useRouteLoaderData('shell') as ShellLoaderData | undefined;
  const profile = useQuery({
    ...staffQueries.profile(shell?.userId ?? ''),
    enabled: Boolean(shell?.userId),
  });
  const canLogMetal = profile.data?.role === 'workshop' || profile.data?.role === 'manager';

  // Someone else's change to this order reaches only the queries it touches.
  useOrderLive(orderId, (table: LiveTable) => {
    if (!orderId) return;
    if (table === 'production_steps') {
      refreshProductionSteps(queryClient, orderId);
      return;
    }
    const keys: Record<LiveTable, readonly unknown[][]> = {
      orders: [[...workspaceQueries.order(code).queryKey]],
      order_events: [
        [...workspaceQueries.events(orderId).queryKey],
        [...workspaceQueries.order(code).queryKey],
      ],
      cad_revisions: [[...cadQueries.rounds(orderId).queryKey]],
      production_steps: [],
      shipments: [[...shippingQueries.shipments(orderId).queryKey]],
      service_requests: [[...shippingQueries.afterSales(orderId).queryKey]],
      // A run started, passed or failed (also by someone else's move): the QC section re-reads.
      qc_runs: [[...qcQueries.order(orderId)]],
    };
    for (const queryKey of keys[table]) void queryClient.invalidateQueries({ queryKey });
  });

  if (workspace.isPending) {
    return (
      <Stack aria-busy aria-label={`Loading order ${code}`}>
        <Skeleton h={180} radius="md" />
        <Skeleton h={320} radius="md" />
      </Stack>
    );
  }
  if (workspace.isError) {
    if (toAppError(workspace.error).code === 'PT404') {
      return (
        <EmptyState
          icon={<IconFileUnknown size={28} />}
          title={`No order ${code}`}
          action={
            <Button component={Link} to={paths.board} variant="light">
              Back to the board
            </Button>
          }
        >
          {workspace.error.message}
        </EmptyState>
      );
    }
    return (
      <Alert color="red" title={`Order ${code} did not load`}>
        {workspace.error.message}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => void workspace.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  const { order } = workspace.data;
  return (
    <Stack gap="md">
      <OrderHeader
        data={workspace.data}
        actions={
          <>
            {/* Payments: offered only while the order awaits payment; the payment and the move
                to CAD are new history, so the order and its timeline are re-read. */}
            <RecordPayment
              orderId={order.id}
              version={order.version}
              stage={order.stage}
              onRecorded={refreshOrder}
            />
            {/* The job ticket that travels with the piece (QR to this order, no customer data). */}
            <PrintTicketsButton codes={[order.code]} />
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SpecsSection data={workspace.data} />
            <CadSection order={order} onOrderChange={applyOrderRow} />
            <ReviewLinksPanel order={order} />
            <ProductionSection order={order} onStepRecorded={refreshOrder} />
            <MetalLedgerPanel order={order} canLog={canLogMetal} />
            {/* Stones: the workshop and managers allocate (the same roles that log metal). */}
            <OrderStonesPanel order={order} canWrite={canLogMetal} />
            <QcSection
              orderId={order.id}
              version={order.version}
              onMoved={refreshOrder}
              itemDetail={(item) =>
                isCertificateMatchItem(item) ? <CertificateStoneDetail orderId={order.id} /> : null
              }
            />
            <CertificatesSection orderId={order.id} />
            <MediaSection orderId={order.id} />
            <ShippingSection order={order} onLogged={refreshOrder} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <OrderTimeline orderId={order.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
