import { randomUUID } from 'node:crypto';
import { nowIso } from '../core/clock';
import { BackgroundJobs, type JobContext } from './jobs';

/** What every background run started from the control API carries. */
export interface BackgroundRun {
  id: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
}

/** How a run does its work, and what it records when that work throws. */
export interface RunWork<Run extends BackgroundRun> {
  /** Does the work, keeping its progress and outcome in `run`. */
  execute: (run: Run, context: JobContext) => Promise<void>;
  /** Records in `run` why the run itself failed. */
  failed: (run: Run, message: string) => void;
  /** Called once the run has ended, `finishedAt` set (to report it on the event bus). */
  finished: (run: Run) => void;
}

/** Runs kept; the oldest finished ones go first. */
const KEEP = 20;

/**
 * The runs of one kind the control API started (conformance checks, replays, scenarios): each is kept here
 * by id, newest last, and runs on the simulator's BackgroundJobs, so `stop()` cancels it.
 */
export class RunRegistry<Run extends BackgroundRun> {
  readonly #runs = new Map<string, Run>();

  constructor(private readonly jobs = new BackgroundJobs()) {}

  /** Keeps a new run made of `fields` and starts its work in the background; answers the run at once. */
  start(fields: Omit<Run, 'id' | 'startedAt' | 'finishedAt'>, work: RunWork<Run>): Run {
    const run = { id: randomUUID(), ...fields, startedAt: nowIso() } as Run;
    this.#runs.set(run.id, run);
    this.#trim();
    this.jobs.start(async (context) => {
      try {
        await work.execute(run, context);
      } catch (error) {
        work.failed(run, error instanceof Error ? error.message : String(error));
      }
      run.finishedAt = nowIso();
      work.finished(run);
    });
    return run;
  }

  get(id: string): Run | undefined {
    return this.#runs.get(id);
  }

  /** Newest first. */
  list(): Run[] {
    return [...this.#runs.values()].reverse();
  }

  #trim(): void {
    for (const run of this.#runs.values()) {
      if (this.#runs.size <= KEEP) return;
      if (run.finishedAt) this.#runs.delete(run.id);
    }
  }
}
