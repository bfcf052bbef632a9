// The settings feature's query keys and options, general → specific.
import { queryOptions } from '@tanstack/react-query';
import { fetchStageTargets } from './stage-targets-query';
import { fetchHolidays } from './holidays-query';
import { fetchQcTemplates } from './qc-templates-query';
import { fetchStaff } from './staff-query';
import { fetchCustomerLinkSettings } from './customer-link-settings-query';

export const settingsQueries = {
  all: () => ['settings'] as const,
  stageTargets: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'stage-targets'],
      queryFn: fetchStageTargets,
    }),
  holidays: () =>
    queryOptions({ queryKey: [...settingsQueries.all(), 'holidays'], queryFn: fetchHolidays }),
  qcTemplates: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'qc-templates'],
      queryFn: fetchQcTemplates,
    }),
  staff: () => queryOptions({ queryKey: [...settingsQueries.all(), 'staff'], queryFn: fetchStaff }),
  customerLinks: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'customer-links'],
      queryFn: fetchCustomerLinkSettings,
    }),
};
