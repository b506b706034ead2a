import type { BrokerRecord, PlatformRecord } from './model';

/** A broker as the API shows it: never its credentials. */
export function publicBroker({ credentials: _credentials, ...broker }: BrokerRecord) {
  return broker;
}

/** A platform as the API shows it: credentials only where the caller must learn them (POST, regenerate). */
export function publicPlatform({ credentials, ...platform }: PlatformRecord, withCredentials = false) {
  return withCredentials
    ? { ...platform, credentials: { basic: credentials[credentials.length - 1]! } }
    : platform;
}
