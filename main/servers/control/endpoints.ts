import type { BasicCredentials } from '../http/basic-auth';

/** What `GET /api/endpoints` returns: every URL and the credentials a client needs. */
export interface Endpoints {
  /** `credentials`: the control token, which every server accepts when bound off loopback. */
  control: { url: string; credentials: BasicCredentials };
  serviceManager: { url: string; admin: BasicCredentials } | null;
  platforms: Array<{
    name: string;
    type: string;
    id: string;
    url: string;
    proxyCredentials: BasicCredentials;
  }>;
  sampleBroker: { url: string; credentials: BasicCredentials } | null;
}
