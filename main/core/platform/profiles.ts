import { createHash } from 'node:crypto';

/** How each platform type speaks OSB: its context objects and originating identity (OSB profile.md). */
export const platformTypes = ['cloudfoundry', 'kubernetes'] as const;
export type PlatformType = (typeof platformTypes)[number];

export type ContextFields = Record<string, unknown>;

export interface Profile {
  type: PlatformType;
  /** The context fields every call of this platform carries unless the config or the request says otherwise. */
  defaults(platformName: string): Record<string, string>;
  /** The user the platform acts for, as its originating identity carries it. */
  user(platformName: string): Record<string, unknown>;
  /** Fields of an instance context besides `platform` and `instance_name`. */
  instanceFields: readonly string[];
  /** Fields of a binding context besides `platform`. */
  bindingFields: readonly string[];
  /** Whether a binding is made for an app (`bind_resource.app_guid`). */
  bindsApps: boolean;
  /** The context fields the deprecated top-level `organization_guid` / `space_guid` of a provision carry. */
  legacyGuids: { organization_guid: string; space_guid: string };
}

/** A stable GUID-shaped id derived from `seed`, so a platform's org, space, cluster and user stay the same. */
export function stableGuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CF_FIELDS = ['organization_guid', 'organization_name', 'space_guid', 'space_name'] as const;

const cloudFoundry: Profile = {
  type: 'cloudfoundry',
  defaults: (name) => ({
    organization_guid: stableGuid(`${name}/organization`),
    organization_name: `${name}-org`,
    space_guid: stableGuid(`${name}/space`),
    space_name: 'dev',
  }),
  user: (name) => ({ user_id: stableGuid(`${name}/user`) }),
  instanceFields: CF_FIELDS,
  bindingFields: CF_FIELDS,
  bindsApps: true,
  legacyGuids: { organization_guid: 'organization_guid', space_guid: 'space_guid' },
};

const kubernetes: Profile = {
  type: 'kubernetes',
  defaults: (name) => ({ namespace: 'default', clusterid: stableGuid(`${name}/cluster`) }),
  user: (name) => ({
    username: 'kubernetes-admin',
    uid: stableGuid(`${name}/user`),
    groups: ['system:masters', 'system:authenticated'],
    extra: {},
  }),
  instanceFields: ['namespace', 'clusterid'],
  bindingFields: ['namespace', 'clusterid'],
  bindsApps: false,
  // As the Kubernetes service catalog sends them.
  legacyGuids: { organization_guid: 'clusterid', space_guid: 'namespace' },
};

export const profiles: Record<PlatformType, Profile> = { cloudfoundry: cloudFoundry, kubernetes };

/** `X-Broker-API-Originating-Identity`: `<platform> <base64(JSON of the user)>`. */
export function originatingIdentity(profile: Profile, platformName: string): string {
  const user = Buffer.from(JSON.stringify(profile.user(platformName))).toString('base64');
  return `${profile.type} ${user}`;
}

function pick(source: ContextFields, fields: readonly string[]): ContextFields {
  return Object.fromEntries(fields.filter((field) => source[field] !== undefined).map((f) => [f, source[f]]));
}

/**
 * An instance's context: the profile's fields from the platform defaults, overridden by the request's own
 * `context`, with `platform` and `instance_name` always the platform's.
 */
export function instanceContext(
  profile: Profile,
  defaults: ContextFields,
  instanceName: string,
  override: ContextFields = {},
): ContextFields {
  return {
    ...pick(defaults, profile.instanceFields),
    ...override,
    platform: profile.type,
    instance_name: instanceName,
  };
}

/** A binding's context: the instance's own fields (org/space or namespace) without `instance_name`. */
export function bindingContext(
  profile: Profile,
  instance: ContextFields,
  override: ContextFields = {},
): ContextFields {
  return { ...pick(instance, profile.bindingFields), ...override, platform: profile.type };
}
