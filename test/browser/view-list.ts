/** The views of the navigation, in order, with their headings. */
export const VIEWS = [
  { id: 'landscape', title: 'Landscape' },
  { id: 'traffic', title: 'Traffic' },
  { id: 'catalog', title: 'Catalog' },
  { id: 'instances', title: 'Instances' },
  { id: 'platforms', title: 'Platforms' },
  { id: 'fixtures', title: 'Fixtures' },
  { id: 'faults', title: 'Broker faults' },
];
