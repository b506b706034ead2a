import Table from 'cli-table3';
import type { Endpoints } from '../servers/control/endpoints';

/** The endpoints as a table for the terminal. Passwords stay out of it: they are in GET /api/endpoints. */
export function endpointsTable(endpoints: Endpoints, dataFile: string): string {
  const table = new Table({ head: ['server', 'url', 'user'] });
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
  return [
    table.toString(),
    `Passwords: GET ${endpoints.control.url}/api/endpoints`,
    `Data file: ${dataFile}`,
  ].join('\n');
}
