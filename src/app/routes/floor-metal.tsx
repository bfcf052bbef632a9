// /floor-metal, "Metal on the floor": the day's-end metal reconciliation (workshop and
// managers in the navigation; every staff role may read it, as the ledger's RLS allows).
// Loaded on demand (route.lazy).
import { FloorMetalPage } from '../../features/metal-ledger/components/FloorMetalPage';

export function Component() {
  return <FloorMetalPage />;
}
