import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { usePlatforms } from '../model/platforms';
import { PlatformPanel } from '../platforms/PlatformPanel';

export function PlatformsView() {
  const platforms = usePlatforms();
  return (
    <section className="view">
      <ViewHeader
        title="Platforms"
        summary="The simulated platforms, what the Service Manager lets each one see, and provisioning as a platform user would."
      />
      <LoadState loaded={platforms} what="The platforms">
        {(data) => (
          <div className="stack">
            {data.length === 0 ? (
              <p className="muted">No platform is configured (config key platforms).</p>
            ) : null}
            {data.map((platform) => (
              <PlatformPanel key={platform.name} platform={platform} />
            ))}
          </div>
        )}
      </LoadState>
    </section>
  );
}
