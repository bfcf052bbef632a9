// The settings page's sections, in tab order; the open one is kept in the URL (?tab=).
export const settingsTabs = ['targets', 'holidays', 'qc', 'floor', 'customers', 'staff'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/** The tab a ?tab= value names; the first one for anything else. */
export function parseSettingsTab(value: string | null): SettingsTab {
  return settingsTabs.find((t) => t === value) ?? 'targets';
}
