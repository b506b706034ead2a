import { PlannedView } from '../components/PlannedView';

export function PlatformsView() {
  return (
    <PlannedView
      title="Platforms"
      summary="The simulated platforms, what each may use, and the actions a platform user would take."
      planned={[
        'Each platform’s marketplace: the offerings and plans the Service Manager lets it see.',
        'Its registered broker proxies, its credentials and its OSB URL.',
        'Provision (a form built from the plan’s parameter schema), update and bind; edit visibilities.',
      ]}
    />
  );
}
