import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { PlatformPanel } from '../platforms/PlatformPanel';
import { getPlatforms } from '../platforms/platform-data';
import { useSeen } from '../store';
import { useLoad } from '../use-load';

export function PlatformsView() {
  const platforms = useLoad(getPlatforms, useSeen('platform.connection'));
  return (
    <section className="view">
      <ViewHeader
        title="Platforms"
        summary="The simulated platforms, what the Service Manager lets each one see, and provisioning as a platform user would."
      />
      {platforms.state === 'loading' ? <div className="panel panel-loading" aria-busy="true" /> : null}
      {platforms.state === 'error' ? (
        <Notice tone="error" title="The platforms could not be loaded.">
          {platforms.message}. Check that smsim is still running, then reload the page.
        </Notice>
      ) : null}
      {platforms.state === 'ok' ? (
        <div className="stack">
          {platforms.data.length === 0 ? (
            <p className="muted">No platform is configured (config key platforms).</p>
          ) : null}
          {platforms.data.map((platform) => (
            <PlatformPanel key={platform.name} platform={platform} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
