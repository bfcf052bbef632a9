// /orders: every order the person may see, as a table whose whole view (filters, sort, page,
// columns) lives in the URL's search params. Loaded on demand (route.lazy).
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { OrdersPage } from '../../features/orders/components/OrdersPage';
import {
  parseTableState,
  serializeTableState,
  type OrdersTableState,
} from '../../features/orders/lib/table-state';
import { paths } from '../../config/paths';

export function Component() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const state = useMemo(() => parseTableState(params), [params]);
  const onChange = useCallback(
    (next: OrdersTableState, options?: { replace?: boolean }) =>
      setParams(serializeTableState(next), { replace: options?.replace ?? false }),
    [setParams],
  );
  const onOpenOrder = useCallback((code: string) => navigate(paths.order(code)), [navigate]);
  return <OrdersPage state={state} onChange={onChange} onOpenOrder={onOpenOrder} />;
}
