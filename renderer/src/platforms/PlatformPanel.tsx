import { useState } from 'react';
import type {
  MarketplaceOffering,
  MarketplacePlan,
  PlatformInstanceView,
  PlatformSummary,
} from '../../../main/servers/platform/api-types';
import { Notice } from '../components/Notice';
import { usePlatformData } from '../model/platforms';
import { Marketplace } from './Marketplace';
import { ProvisionedNote } from './ProvisionedNote';
import { ProvisionForm } from './ProvisionForm';
import { VisibilityEditor } from './VisibilityEditor';

/** One platform: how to reach it, its sm-… brokers and visibilities, its marketplace, and provisioning. */
export function PlatformPanel({ platform }: { platform: PlatformSummary }) {
  const data = usePlatformData(platform.name);
  const [chosen, setChosen] = useState<{ offering: MarketplaceOffering; plan: MarketplacePlan } | null>(null);
  const [made, setMade] = useState<PlatformInstanceView | null>(null);
  return (
    <article
      className="panel platform-panel"
      aria-label={platform.name}
      data-testid={`platform-${platform.name}`}
    >
      <header className="broker-head">
        <div>
          <h2 className="panel-title">
            {platform.name} <span className="muted">· {platform.type}</span>
          </h2>
          <code className="muted">{platform.url}</code>
        </div>
        <span className={`chip connection-${platform.connection}`}>{platform.connection}</span>
      </header>
      <dl className="facts">
        <dt>Proxy credentials</dt>
        <dd>
          <code>{platform.proxyCredentials.username}</code> /{' '}
          <code>{platform.proxyCredentials.password}</code>
        </dd>
        {data.state === 'ok'
          ? data.data.brokers.map((broker) => (
              <div key={broker.name} className="fact">
                <dt>{broker.name}</dt>
                <dd>
                  OSB URL <code>{broker.broker_url}</code>
                </dd>
              </div>
            ))
          : null}
        {data.state === 'ok' ? (
          <div className="fact">
            <dt>Visibilities</dt>
            <dd>
              {data.data.visibilities.length} plans visible
              {data.data.visibilities.some((visibility) => visibility.organizations)
                ? ' (some to chosen organizations only)'
                : ', all to every organization'}
            </dd>
          </div>
        ) : null}
      </dl>
      <VisibilityEditor platformId={platform.id} />
      {made ? <ProvisionedNote made={made} platform={platform.name} /> : null}
      {chosen ? (
        <ProvisionForm
          key={`${chosen.offering.id}/${chosen.plan.id}`}
          platform={platform.name}
          {...chosen}
          onDone={(provisioned) => {
            setChosen(null);
            setMade(provisioned ?? null);
          }}
        />
      ) : null}
      {data.state === 'error' ? (
        <Notice tone="error" title={`What ${platform.name} sees could not be loaded.`}>
          {data.message}
        </Notice>
      ) : null}
      {data.state === 'ok' ? (
        <Marketplace
          offerings={data.data.marketplace}
          onProvision={(offering, plan) => {
            setMade(null);
            setChosen({ offering, plan });
          }}
        />
      ) : null}
    </article>
  );
}
