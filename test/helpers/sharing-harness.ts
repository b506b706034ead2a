import type { SimEvent } from '../../main/core/events';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import type { SimulatorOptions } from '../../main/simulator';
import { type PlatformSimulator, startPlatformSimulator } from './platform-harness';

/** A simulator with cf-dev and k8s-dev, the `sm.sharing` events it emitted, and the sharing calls of the tests. */
export async function startSharingSimulator(
  sharing: Record<string, unknown> = {},
  extra: Omit<SimulatorOptions, 'config'> = {},
) {
  const options: SimulatorOptions = {
    ...extra,
    config: {
      sharing,
      platforms: [
        { name: 'cf-dev', type: 'cloudfoundry', pollIntervalSeconds: 0.1 },
        { name: 'k8s-dev', type: 'kubernetes', pollIntervalSeconds: 0.1 },
      ],
    },
  };
  const sim: PlatformSimulator = await startPlatformSimulator(options);
  const events: SimEvent[] = [];
  sim.simulator.events.subscribe((event) => {
    if (event.type === 'sm.sharing') events.push(event);
  });
  const cf = sim.platform('cf-dev');
  const k8s = sim.platform('k8s-dev');

  /** Provisions `plan` of `service` on cf-dev; the instance's id. */
  const provision = async (name: string, plan = 'shared', service = 'sample-db') => {
    const created = await cf('POST', '/service_instances', { name, service, plan });
    if (created.status !== 201) throw new Error(`provision refused: ${JSON.stringify(created.body)}`);
    return created.body.id as string;
  };
  /** Provisions the `reference-instance` plan of sample-db on k8s-dev. */
  const reference = (name: string, parameters: Record<string, unknown>) =>
    k8s('POST', '/service_instances', { name, service: 'sample-db', plan: 'reference-instance', parameters });
  const share = (id: string, body: unknown = { shared: true }) =>
    sim.smCall('PATCH', `/v1/service_instances/${id}`, body);
  const sharingItems = async () => (await sim.call('GET', `${sim.control}/api/sharing`)).body.items;
  const actions = () => events.map((event) => (event.data as { action: string }).action);

  return {
    sim,
    cf,
    k8s,
    events,
    actions,
    provision,
    reference,
    share,
    sharingItems,
    sharedPlanId: SAMPLE_IDS.db.shared,
  };
}

export type SharingSimulator = Awaited<ReturnType<typeof startSharingSimulator>>;
