import { PlannedView } from '../components/PlannedView';

export function TrafficView() {
  return (
    <PlannedView
      title="Traffic"
      summary="Every OSB call that crosses the landscape, live, one row per user action with the hops it took."
      planned={[
        'One row per flow: time, platform, operation, instance, broker, final status, total time.',
        'The hop waterfall platform → proxy → Service Manager → broker, each hop with its status and time.',
        'Headers and pretty JSON bodies of each hop, spec notes, and “copy as curl”.',
        'Filters by text, platform, broker, operation, status and instance; pause, clear, HAR export and import.',
      ]}
    />
  );
}
