import Table from 'cli-table3';
import type { BrokerSummary } from '../core/sm/broker-registration';
import type { Endpoints } from '../servers/control/endpoints';
import { brokerPlans, tableStyle } from './terminal';

/**
 * The endpoints and the brokers registered at start as a table for the terminal, without colours when
 * `colours` is false (output that is not a terminal). Passwords stay out of it: they are in GET /api/endpoints.
 */
export function endpointsTable(
  endpoints: Endpoints,
  dataFile: string,
  brokers: readonly BrokerSummary[] = [],
  colours = true,
): string {
  const table = new Table({ head: ['server', 'url', 'user'], ...tableStyle(colours) });
  table.push(['control (UI + /api)', endpoints.control.url, '']);
  if (endpoints.serviceManager) {
    table.push(['service manager', endpoints.serviceManager.url, endpoints.serviceManager.admin.username]);
  }
  for (const platform of endpoints.platforms) {
    table.push([
      `platform ${platform.name} (${platform.type})`,
      platform.url,
      platform.proxyCredentials.username,
    ]);
  }
  if (endpoints.sampleBroker) {
    table.push(['sample broker', endpoints.sampleBroker.url, endpoints.sampleBroker.credentials.username]);
  }
  for (const broker of brokers) {
    table.push([`broker ${broker.name} (${brokerPlans(broker)})`, broker.url, broker.username]);
  }
  return [
    table.toString(),
    `Passwords: GET ${endpoints.control.url}/api/endpoints`,
    `${/^postgres(ql)?:/i.test(dataFile) ? 'Database' : 'Data file'}: ${dataFile}`,
  ].join('\n');
}
