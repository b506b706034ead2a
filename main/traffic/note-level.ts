import type { SpecNote } from './types';

type Level = SpecNote['level'];

const GRAVITY: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/** The gravest level of `notes` and `before` (what the Traffic list colours a flow's status and flag by). */
export function gravestLevel(notes: readonly SpecNote[], before: Level | undefined): Level | undefined {
  let gravest = before;
  for (const { level } of notes)
    if (gravest === undefined || GRAVITY[level] > GRAVITY[gravest]) gravest = level;
  return gravest;
}
