import { SECRETS } from '../secrets';
import type { BrokerRecord, PlatformRecord } from './model';

/** A broker as the API shows it: never its credentials, nor user info its URL may carry from older data. */
export function publicBroker({ credentials: _credentials, ...broker }: BrokerRecord) {
  return { ...broker, broker_url: SECRETS.url(broker.broker_url) };
}

/** A platform as the API shows it: credentials only where the caller must learn them (POST, regenerate). */
export function publicPlatform({ credentials, ...platform }: PlatformRecord, withCredentials = false) {
  return withCredentials
    ? { ...platform, credentials: { basic: credentials[credentials.length - 1]! } }
    : platform;
}
