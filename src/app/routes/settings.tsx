// /settings (managers only: the router's loader guard refuses everyone else before this
// loads). Loaded on demand (route.lazy); the open tab lives in ?tab=.
import { useSearchParams } from 'react-router';
import { Box } from '@mantine/core';
import { SettingsPage } from '../../features/settings/components/SettingsPage';
import { parseSettingsTab } from '../../features/settings/lib/tabs';
import { MetalLedgerSettings } from '../../features/metal-ledger/components/MetalLedgerSettings';

export function Component() {
  const [params, setParams] = useSearchParams();
  const tab = parseSettingsTab(params.get('tab'));
  return (
    <>
      <SettingsPage
        tab={tab}
        onTabChange={(next) =>
          setParams(next === 'targets' ? {} : { tab: next }, { replace: true })
        }
      />
      {/* The metal ledger's norms and weighing rules are targets too: shown under that tab
          (the settings feature cannot import the ledger feature; the route composes them). */}
      {tab === 'targets' && (
        <Box mt="lg">
          <MetalLedgerSettings />
        </Box>
      )}
    </>
  );
}
