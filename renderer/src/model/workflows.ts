import { useCallback } from 'react';
import type { CheckRunView } from '../../../main/workflows/conformance/api-types';
import type { Recording } from '../../../main/workflows/recordings/api-types';
import type { ReplayRun } from '../../../main/workflows/replay/api-types';
import type { ScenarioRun, ShippedScenario } from '../../../main/workflows/scenarios/api-types';
import { apiPath, getItems, getJson, request } from './http';
import { useSeenAny } from './live';
import { type RunKind, showRun } from './shown-runs';
import { useLoad } from './use-load';

/** What a route that starts a run in the background answers. */
interface Started {
  id: string;
}

/** Starts a run and makes it the one its panel shows; answers its id. */
async function start(kind: RunKind, path: string, body: unknown): Promise<string> {
  const { id } = await request<Started>('POST', path, body);
  showRun(kind, id);
  return id;
}

/** One background run, reloaded whenever one of its `events` arrives. */
function useRun<T>(path: string, ...events: string[]) {
  const load = useCallback(() => getJson<T>(path), [path]);
  return useLoad(load, useSeenAny(...events));
}

/**
 * Starts the OSB conformance check of a registered broker; answers the run's id. `skipDestructive`: only
 * the checks that create nothing (the catalog, the headers, an unknown instance's DELETE).
 */
export const startCheck = (brokerId: string, skipDestructive = false) =>
  start('check', '/api/fixtures/checks', { broker_id: brokerId, skipDestructive });

export const useCheckRun = (id: string) =>
  useRun<CheckRunView>(apiPath`/api/fixtures/checks/${id}`, 'check.progress', 'check.finished');

/** Where a finished check's report downloads: `json` as `smsim check --json` writes it, `xml` as `--junit`. */
export const checkReportUrl = (id: string, format: 'json' | 'xml') =>
  apiPath`/api/fixtures/checks/${id}/report.${format}`;

const getRecordings = () => getItems<Recording>('/api/recordings');

/**
 * The recordings, newest first; they change with the traffic they hold and when one starts or stops,
 * from this tab or anywhere else (`recording.changed`).
 */
export const useRecordings = () =>
  useLoad(getRecordings, useSeenAny('traffic.exchange', 'replay.finished', 'recording.changed'));

export const startRecording = (broker: string) => request('POST', '/api/recordings', { broker });

export const stopRecording = (id: string) => request('POST', apiPath`/api/recordings/${id}/stop`);

/** Where a recording downloads as HAR. */
export const recordingHarUrl = (id: string) => apiPath`/api/recordings/${id}/har`;

/** Replays a stopped recording against a registered broker; answers the replay's id. */
export const startReplay = (recordingId: string, brokerId: string) =>
  start('replay', '/api/replays', { recording_id: recordingId, broker_id: brokerId });

export const useReplayRun = (id: string) =>
  useRun<ReplayRun>(apiPath`/api/replays/${id}`, 'replay.progress', 'replay.finished');

const getScenarios = () => getItems<ShippedScenario>('/api/scenarios');

/** The scenarios shipped with smsim; a file that does not parse comes with its error. */
export const useScenarios = () => useLoad(getScenarios);

/** How a scenario runs: all at once, paused before each step (`stepByStep`), or slowed (`stepDelayMs`). */
export interface ScenarioModes {
  stepByStep?: boolean;
  stepDelayMs?: number;
}

/** Runs a shipped scenario by its file name; answers the run's id. */
export const runScenario = (file: string, modes: ScenarioModes = {}) =>
  start('scenario', '/api/scenarios/run', { name: file, ...modes });

export const useScenarioRun = (id: string) =>
  useRun<ScenarioRun>(
    apiPath`/api/scenario-runs/${id}`,
    'scenario.step',
    'scenario.paused',
    'scenario.finished',
  );

/** Runs the step a step-by-step run waits before (`next`), or it and the rest without pausing (`continue`). */
export const releaseScenario = (id: string, how: 'next' | 'continue') =>
  request(
    'POST',
    how === 'next' ? apiPath`/api/scenario-runs/${id}/next` : apiPath`/api/scenario-runs/${id}/continue`,
  );
