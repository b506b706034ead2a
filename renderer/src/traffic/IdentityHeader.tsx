import { decodeOriginatingIdentity } from './identity';
import { JsonTree } from './JsonTree';

/** `X-Broker-API-Originating-Identity` as sent, and decoded: the platform and its JSON. */
export function IdentityHeader({ header }: { header: string }) {
  const identity = decodeOriginatingIdentity(header);
  return (
    <div className="identity" data-testid="originating-identity">
      <span className="identity-raw">{header}</span>
      {identity && 'value' in identity ? (
        <>
          <span className="identity-platform">
            decoded: platform <strong>{identity.platform}</strong>
          </span>
          <JsonTree value={identity.value} testId="identity-json" />
        </>
      ) : (
        <span className="identity-problem">{identity?.problem}</span>
      )}
    </div>
  );
}
