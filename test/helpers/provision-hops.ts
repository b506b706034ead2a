import type { ExchangeInput } from '../../main/traffic';

export interface ProvisionHops {
  flowId: string;
  platform: string;
  broker: string;
  /** The broker's id in the SM's OSB route (`/v1/osb/<id>`). */
  brokerId: string;
  /** The instance's OSB path with its query, the same on every hop. */
  path: string;
  status: number;
  startMs: number;
  /** Of the outermost hop; each hop further in takes 2 ms less. */
  durationMs: number;
  /** A new request at each call: a capture reads each hop's body off its own socket. */
  request: () => ExchangeInput['request'];
  responseBody: string;
}

/**
 * The three hops of one provision through a platform, in the order they are recorded: the innermost ends
 * first. The outer hops start earlier and end later.
 */
export function provisionHops(flow: ProvisionHops): ExchangeInput[] {
  const { platform, path } = flow;
  const hop = (
    kind: ExchangeInput['hop'],
    from: string,
    to: string,
    url: string,
    offset: number,
  ): ExchangeInput => ({
    flowId: flow.flowId,
    hop: kind,
    from,
    to,
    method: 'PUT',
    url,
    request: flow.request(),
    response: {
      status: flow.status,
      headers: { 'content-type': 'application/json' },
      body: flow.responseBody,
    },
    startMs: flow.startMs + offset,
    durationMs: flow.durationMs - 2 * offset,
  });
  return [
    hop('sm→broker', 'sm', `broker:${flow.broker}`, `http://127.0.0.1:4820${path}`, 2),
    hop('proxy→sm', `proxy:${platform}`, 'sm', `http://127.0.0.1:4811/v1/osb/${flow.brokerId}${path}`, 1),
    hop('platform→proxy', platform, `proxy:${platform}`, `http://127.0.0.1:4812${path}`, 0),
  ];
}
