// /settings (managers only: the router's loader guard refuses everyone else before this
// loads). Loaded on demand (route.lazy); the open tab lives in ?tab=.
import { useSearchParams } from 'react-router';
import { SettingsPage } from '../../features/settings/components/SettingsPage';
import { parseSettingsTab } from '../../features/settings/lib/tabs';
import { MetalLedgerSettings } from '../../features/metal-ledger/components/MetalLedgerSettings';

export function Component() {
  const [params, setParams] = useSearchParams();
  const tab = parseSettingsTab(params.get('tab'));
  return (
    <SettingsPage
      tab={tab}
      onTabChange={(next) => setParams(next === 'targets' ? {} : { tab: next }, { replace: true })}
      // The settings feature cannot import the ledger feature; the route composes them.
      floorPanel={<MetalLedgerSettings />}
    />
  );
}
