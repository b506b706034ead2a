import { Router } from 'express';
import { z } from 'zod';
import { brokerIdByName, brokerSummary, registerOrUpdateBroker } from '../../core/sm/broker-registration';
import type { ServiceManager } from '../../core/sm/service-manager';
import { parseInput } from '../../core/validate';

const registrationBody = z.strictObject({
  url: z.string().url(),
  username: z.string().min(1),
  password: z.string().min(1),
  /** Publish every plan to every platform (default true). */
  public: z.boolean().optional(),
});

/**
 * `/api/brokers` on the control server (what `smsim broker` calls): brokers by name, registered or updated
 * in one call with their plans published, as `smsim serve --broker` does at start. Never a password back.
 */
export function brokersControlRouter(
  sm: ServiceManager,
  platformsCaughtUp: () => Promise<void> = async () => undefined,
): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    await sm.ensureCatalogs();
    res.json({ items: sm.store.state.brokers.map((broker) => brokerSummary(sm, broker.id)) });
  });
  router.put('/:name', async (req, res) => {
    const input = parseInput(registrationBody, req.body, 'The broker registration');
    const { created, ...summary } = await registerOrUpdateBroker(sm, { name: req.params.name, ...input });
    await platformsCaughtUp();
    res.status(created ? 201 : 200).json(summary);
  });
  router.post('/:name/publish', async (req, res) => {
    const id = brokerIdByName(sm, req.params.name);
    await sm.ensureCatalogs();
    await sm.visibilities.publishAllPlans(id);
    await platformsCaughtUp();
    res.json(brokerSummary(sm, id));
  });
  router.delete('/:name', async (req, res) => {
    const id = brokerIdByName(sm, req.params.name);
    await sm.brokers.delete(id, { force: req.query.force === 'true' });
    res.json({});
  });
  return router;
}
