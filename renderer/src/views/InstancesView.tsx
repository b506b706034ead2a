import { PlannedView } from '../components/PlannedView';

export function InstancesView() {
  return (
    <PlannedView
      title="Instances"
      summary="Every service instance and binding across the platforms, including the shared ones."
      planned={[
        'Each instance with its platform, offering, plan, state, bindings and whether it is shared.',
        'Lines from a shared instance to its references on other platforms.',
        'Share, unshare, bind, unbind and deprovision, with the Service Manager’s refusals explained.',
      ]}
    />
  );
}
