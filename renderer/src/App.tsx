import type { ReactElement } from 'react';
import { Sidebar } from './components/Sidebar';
import { SkipLink } from './components/SkipLink';
import { StatusBar } from './components/StatusBar';
import { usePlace, type ViewId } from './navigation';
import { useSlashFocus } from './use-slash-focus';
import { BrokerFaultsView } from './views/BrokerFaultsView';
import { CatalogView } from './views/CatalogView';
import { InstancesView } from './views/InstancesView';
import { LandscapeView } from './views/LandscapeView';
import { PlatformsView } from './views/PlatformsView';
import { TrafficView } from './views/TrafficView';
import { WorkflowsView } from './views/WorkflowsView';

const VIEW_COMPONENTS: Record<ViewId, () => ReactElement> = {
  landscape: LandscapeView,
  traffic: TrafficView,
  catalog: CatalogView,
  instances: InstancesView,
  platforms: PlatformsView,
  fixtures: WorkflowsView,
  faults: BrokerFaultsView,
};

export function App() {
  const { view } = usePlace();
  useSlashFocus();
  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <SkipLink target="content" />
      <Sidebar current={view} />
      <main id="content" tabIndex={-1} className="content" aria-labelledby="view-title">
        <View />
      </main>
      <StatusBar />
    </div>
  );
}
