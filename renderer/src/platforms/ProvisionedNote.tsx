import type { PlatformInstanceView } from '../../../main/servers/platform/api-types';
import { instanceHref } from '../url-state';

const stateWords: Record<string, string> = {
  succeeded: 'ready',
  'in progress': 'in progress: the broker is still working on it',
  failed: 'failed',
};

/** What a provision made, with a link to its card in Instances. */
export function ProvisionedNote({ made, platform }: { made: PlatformInstanceView; platform: string }) {
  return (
    <p className="action-done" role="status" data-testid="provisioned">
      Provisioned {made.name} ({made.service} · {made.plan}) on {platform}:{' '}
      {stateWords[made.state] ?? made.state}. <a href={instanceHref(made.id)}>Show in Instances</a>
    </p>
  );
}
