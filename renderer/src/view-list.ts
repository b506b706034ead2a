/**
 * The views of the navigation, in order, with their headings. It imports nothing, so the browser tests read
 * the same list under Playwright's own TypeScript loader.
 */
export const VIEWS = [
  { id: 'landscape', title: 'Landscape' },
  { id: 'traffic', title: 'Traffic' },
  { id: 'catalog', title: 'Catalog' },
  { id: 'instances', title: 'Instances' },
  { id: 'platforms', title: 'Platforms' },
  { id: 'fixtures', title: 'Fixtures' },
  { id: 'faults', title: 'Broker faults' },
] as const;
