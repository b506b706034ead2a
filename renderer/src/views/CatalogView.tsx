import { PlannedView } from '../components/PlannedView';

export function CatalogView() {
  return (
    <PlannedView
      title="Catalog"
      summary="The brokers registered at the Service Manager, with their offerings and plans."
      planned={[
        'Each broker with its offerings and plans, and the problems found validating its catalog.',
        'The last catalog refresh (soft or forced, trigger, duration, what changed) and the next scheduled one.',
        'Refresh, register, edit and remove a broker.',
      ]}
    />
  );
}
