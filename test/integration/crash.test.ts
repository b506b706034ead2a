import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME } from '../../main/store';
import { startServe } from '../helpers/cli';
import { durableState } from '../helpers/store-files';
import { tempDir } from '../helpers/temp-dir';

/**
 * `smsim serve` killed with SIGKILL at ten moments of a concurrent workload (provisions through both platform
 * APIs, shares, deprovisions, catalog refreshes), restarted on the same data each time: every record an answer
 * acknowledged is still there, the file loads, no temp file stays, and no operation stays in progress.
 */

type Serve = Awaited<ReturnType<typeof startServe>>;

interface Endpoints {
  serviceManager: { url: string; admin: { username: string; password: string } };
  platforms: Array<{ name: string; url: string }>;
}

/** What the answers acknowledged about one instance; records with an unanswered change are dropped. */
interface Acknowledged {
  platform: string;
  present: boolean;
  shared: boolean;
}

type Kind = 'provisioned' | 'shared' | 'deleted' | 'any' | 'refresh-sent' | 'ready';

const WORKERS = 4;
const STEPS_PER_WORKER = 40;

/** The moments of the kills: after the n-th acknowledgement of a kind, or when a request is on its way. */
const MOMENTS: Array<{ label: string; on: Kind; n: number }> = [
  { label: 'after the 1st provision', on: 'provisioned', n: 1 },
  { label: 'after the 3rd provision', on: 'provisioned', n: 3 },
  { label: 'after the 1st share', on: 'shared', n: 1 },
  { label: 'after the 1st deprovision', on: 'deleted', n: 1 },
  { label: 'with a catalog refresh on its way', on: 'refresh-sent', n: 1 },
  { label: 'after the 6th acknowledgement', on: 'any', n: 6 },
  { label: 'after the 2nd deprovision', on: 'deleted', n: 2 },
  { label: 'right after start-up, with no load', on: 'ready', n: 0 },
  { label: 'after the 6th provision', on: 'provisioned', n: 6 },
  { label: 'after the 2nd share', on: 'shared', n: 2 },
];

let dir: Awaited<ReturnType<typeof tempDir>>;
let configPath: string;
let serving: Serve | undefined;
beforeAll(async () => {
  dir = await tempDir();
  configPath = join(dir.path, 'config.json');
  await writeFile(configPath, JSON.stringify({ serviceManager: { operationTimeoutSeconds: 1 } }));
});
afterAll(async () => {
  if (serving?.child.exitCode === null) {
    serving.child.kill('SIGKILL');
    await serving.exited;
  }
  await dir.remove();
});

const basic = ({ username, password }: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

async function call(url: string, method = 'GET', body?: unknown, authorization?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (authorization) headers.Authorization = authorization;
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const dataDir = () => dir.path;
const tempFiles = async () =>
  (await readdir(dataDir())).filter(
    (name) => /^\d+$/.test(name.slice(`${DATA_FILE_NAME}.`.length)) && name.startsWith(`${DATA_FILE_NAME}.`),
  );

const running = (record: { state: string }) => record.state === 'in progress';

/** SM operations and platform records a killed process left in progress, as its data file says. */
function inProgressIn(data: {
  sm: { operations: Array<{ state: string }> };
  platforms: Record<string, { instances: Array<{ state: string }>; bindings: Array<{ state: string }> }>;
}): number {
  const platforms = Object.values(data.platforms).flatMap((platform) => [
    ...platform.instances,
    ...platform.bindings,
  ]);
  return [...data.sm.operations, ...platforms].filter(running).length;
}

async function start(): Promise<{ serve: Serve; endpoints: Endpoints; admin: string }> {
  const serve = await startServe(dataDir(), ['--config', configPath]);
  serving = serve;
  const endpoints = (await call(`${serve.controlUrl}/api/endpoints`)).body as Endpoints;
  return { serve, endpoints, admin: basic(endpoints.serviceManager.admin) };
}

describe('smsim serve killed with SIGKILL', () => {
  it('keeps every acknowledged record across 10 kills', { timeout: 150_000 }, async () => {
    const records = new Map<string, Acknowledged>();
    let killsSurvived = 0;
    let leftTempFiles = 0;
    let acknowledged = 0;
    let leftInProgress = 0;
    let started = await start();

    for (const [round, moment] of MOMENTS.entries()) {
      const { serve, endpoints, admin } = started;
      const sm = endpoints.serviceManager.url;
      const platformUrl = (name: string) =>
        endpoints.platforms.find((platform) => platform.name === name)!.url;
      const counts = { provisioned: 0, shared: 0, deleted: 0, any: 0, 'refresh-sent': 0, ready: 0 };
      let killed = false;
      let kill!: () => void;
      const killedNow = new Promise<void>((resolve) => {
        kill = () => {
          if (killed) return;
          killed = true;
          serve.child.kill('SIGKILL');
          resolve();
        };
      });
      const seen = (kind: keyof typeof counts) => {
        counts[kind]++;
        if (kind !== 'refresh-sent') counts.any++;
        if (counts[moment.on] >= moment.n) kill();
      };
      if (moment.on === 'ready') kill();

      const worker = async (id: number) => {
        for (let step = 0; step < STEPS_PER_WORKER && !killed; step++) {
          const platform = (id + step) % 2 === 0 ? 'cf-dev' : 'k8s-dev';
          const base = `${platformUrl(platform)}/api/service_instances`;
          const plan = step % 2 === 0 ? 'shared' : 'small';
          const created = await call(base, 'POST', {
            name: `r${round}-w${id}-s${step}`,
            service: 'sample-db',
            plan,
          });
          if (created.status !== 201) continue;
          const instanceId = created.body.id as string;
          records.set(instanceId, { platform, present: true, shared: false });
          acknowledged++;
          seen('provisioned');
          if (plan === 'shared' && !killed) {
            const record = records.get(instanceId)!;
            records.delete(instanceId); // unknown until the answer says
            const shared = await call(
              `${sm}/v1/service_instances/${instanceId}`,
              'PATCH',
              { shared: true },
              admin,
            );
            if (shared.status !== 200) continue;
            records.set(instanceId, { ...record, shared: true });
            acknowledged++;
            seen('shared');
          } else if (step % 3 === 1 && !killed) {
            records.delete(instanceId);
            const deleted = await call(`${base}/${instanceId}`, 'DELETE');
            if (deleted.status !== 200) continue;
            records.set(instanceId, { platform, present: false, shared: false });
            acknowledged++;
            seen('deleted');
          }
        }
      };
      const refresher = async () => {
        for (let step = 0; step < STEPS_PER_WORKER && !killed; step++) {
          const answer = call(`${serve.controlUrl}/api/catalog-refreshes`, 'POST', {});
          seen('refresh-sent');
          await answer;
        }
      };
      const swallow = (work: Promise<void>) => work.catch(() => undefined); // connections die with the kill
      const load = Promise.all([
        ...Array.from({ length: WORKERS }, (_, id) => swallow(worker(id))),
        swallow(refresher()),
      ]);
      await Promise.race([killedNow, load]);
      const reached = killed;
      kill();
      await Promise.all([load, serve.exited]);
      expect(reached, `round ${round} (${moment.label}) reached its moment`).toBe(true);

      // The file and journal as the kill left them parse, and the temp files are gone after the next start.
      const left = await durableState(join(dataDir(), DATA_FILE_NAME));
      leftInProgress += inProgressIn(left as Parameters<typeof inProgressIn>[0]);
      const leftovers = await tempFiles();
      if (leftovers.length > 0) leftTempFiles++;
      started = await start();
      killsSurvived++;
      const remaining = new Set(await readdir(dataDir()));
      expect(leftovers.filter((name) => remaining.has(name))).toEqual([]);

      const after = started;
      const smAfter = after.endpoints.serviceManager.url;
      const platformAfter = (name: string) =>
        after.endpoints.platforms.find((platform) => platform.name === name)!.url;
      const lost: string[] = [];
      for (const [instanceId, record] of records) {
        const inSm = await call(
          `${smAfter}/v1/service_instances/${instanceId}`,
          'GET',
          undefined,
          after.admin,
        );
        const onPlatform = await call(
          `${platformAfter(record.platform)}/api/service_instances/${instanceId}`,
        );
        const expected = record.present ? 200 : 404;
        if (inSm.status !== expected || onPlatform.status !== expected)
          lost.push(`${instanceId} ${inSm.status}/${onPlatform.status}`);
        else if (record.present && record.shared && inSm.body.shared !== true)
          lost.push(`${instanceId} unshared`);
      }
      expect(lost, `round ${round} (${moment.label})`).toEqual([]);

      const inProgress = () =>
        call(
          `${smAfter}/v1/operations?fieldQuery=${encodeURIComponent("state eq 'in progress'")}`,
          'GET',
          undefined,
          after.admin,
        );
      await expect
        .poll(async () => (await inProgress()).body.num_items, { timeout: 10_000, interval: 200 })
        .toBe(0);
      for (const platform of after.endpoints.platforms) {
        await expect
          .poll(
            async () => (await call(`${platform.url}/api/service_instances`)).body.items.filter(running),
            {
              timeout: 15_000,
              interval: 200,
            },
          )
          .toEqual([]);
      }
    }
    console.log(
      `crash test: ${killsSurvived} kills survived, ${acknowledged} acknowledgements, ${records.size} records checked, ` +
        `0 lost, ${leftTempFiles} kills left temp files (removed at the next start), ${leftInProgress} operations ` +
        'left in progress (SM and platforms, all ended after the restart)',
    );
  });
});
