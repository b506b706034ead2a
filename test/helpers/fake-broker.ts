import express from 'express';
import { listen, type RunningServer } from '../../main/servers/http/listen';

export interface FakeBrokerBehaviour {
  catalog: unknown;
  /** Never answer GET /v2/catalog (the socket stays open until the server closes). */
  hang?: boolean;
  status?: number;
}

/**
 * A minimal broker for the cases the sample broker cannot be: invalid catalogs, hanging, wrong status.
 * Change `state.behaviour` while it runs; `state.calls` counts catalog fetches.
 */
export async function startFakeBroker(behaviour: FakeBrokerBehaviour) {
  const state = { behaviour, calls: 0 };
  const app = express();
  app.get('/v2/catalog', (_req, res) => {
    state.calls++;
    if (state.behaviour.hang) return;
    res.status(state.behaviour.status ?? 200).json(state.behaviour.catalog);
  });
  const server: RunningServer = await listen(app, '127.0.0.1', 0);
  return { url: server.url, close: server.close, state };
}

let counter = 0;

/** A small valid catalog with ids unique to this call. */
export function validCatalog(planNames: string[] = ['basic']) {
  const n = ++counter;
  return {
    services: [
      {
        id: `svc-${n}-${Date.now()}`,
        name: `fake-service-${n}`,
        description: 'A fake service',
        bindable: true,
        plans: planNames.map((name) => ({
          id: `plan-${n}-${name}-${Date.now()}`,
          name,
          description: `The ${name} plan`,
        })),
      },
    ],
  };
}
