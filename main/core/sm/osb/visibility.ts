import type { PlatformRecord, VisibilityRecord } from '../model';

export const CLOUD_FOUNDRY = 'cloudfoundry';
/** The visibility label that limits a Cloud Foundry visibility to some organizations. */
export const ORG_LABEL = 'organization_guid';

/** Where a platform may use a plan: everywhere, or (Cloud Foundry) only in these organizations. */
export type PlanAccess = { orgs: 'all' } | { orgs: string[] };

type Caller = Pick<PlatformRecord, 'id' | 'name' | 'type'>;
type PlanLike = { id: string; metadata?: Record<string, unknown> | undefined };

const stringList = (value: unknown): readonly string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;

/** Plan metadata may narrow visibilities: `supportedPlatforms` (types), `supportedPlatformNames`, `excludedPlatformNames`. */
export function allowedByMetadata(metadata: Record<string, unknown> | undefined, platform: Caller): boolean {
  const types = stringList(metadata?.supportedPlatforms);
  const names = stringList(metadata?.supportedPlatformNames);
  const excluded = stringList(metadata?.excludedPlatformNames);
  if (types && !types.includes(platform.type)) return false;
  if (names && !names.includes(platform.name)) return false;
  return !excluded?.includes(platform.name);
}

/**
 * Whether `platform` sees `plan`: a visibility for it or for every platform, and the plan's metadata allows
 * it. For Cloud Foundry, visibilities labelled with organizations limit it to those (unless another one
 * grants the plan without that label); other platform types ignore the label.
 */
export function planAccess(
  plan: PlanLike,
  platform: Caller,
  visibilities: readonly VisibilityRecord[],
): PlanAccess | undefined {
  if (!allowedByMetadata(plan.metadata, platform)) return undefined;
  const granting = visibilities.filter(
    (visibility) =>
      visibility.service_plan_id === plan.id &&
      (visibility.platform_id === null || visibility.platform_id === platform.id),
  );
  if (granting.length === 0) return undefined;
  if (platform.type !== CLOUD_FOUNDRY) return { orgs: 'all' };
  const orgs = new Set<string>();
  for (const visibility of granting) {
    const labelled = visibility.labels[ORG_LABEL];
    if (!labelled || labelled.length === 0) return { orgs: 'all' };
    for (const org of labelled) orgs.add(org);
  }
  return { orgs: [...orgs] };
}
