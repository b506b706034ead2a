// The one function, not semver's whole index (~20 ms of module loading at every start).
import validSemver from 'semver/functions/valid.js';
import type { RequiredPermission } from './catalog-types';
import { describeValue, isAbsent, isRecord, type JsonRecord, joinPath, type ProblemList } from './problems';

const MAX_LENGTH = 255;
const CLI_FRIENDLY = /^[a-z0-9._-]+$/;
const PERMISSIONS: readonly RequiredPermission[] = ['syslog_drain', 'route_forwarding', 'volume_mount'];
const DASHBOARD_CLIENT_FIELDS = ['id', 'secret', 'redirect_uri'] as const;

/** How messages name an offering or a plan: by its name when it has one, else by its path. */
export function labelOf(kind: 'Offering' | 'Plan', record: JsonRecord, path: string): string {
  return typeof record.name === 'string' && record.name.trim() !== ''
    ? `${kind} ${describeValue(record.name)}`
    : `${kind} at ${path}`;
}

export function warnIfLong(value: string, path: string, problems: ProblemList): void {
  if (value.length <= MAX_LENGTH) return;
  problems.warning(
    path,
    'string-too-long',
    `${describeValue(value)} is ${value.length} characters long; platforms may cut strings over ${MAX_LENGTH} characters, so shorten it.`,
  );
}

export function warnIfNotCliFriendly(name: string, path: string, label: string, problems: ProblemList): void {
  if (CLI_FRIENDLY.test(name)) return;
  problems.warning(
    path,
    'name-not-cli-friendly',
    `${label}: the name is awkward to type in a CLI; use only lowercase letters, digits, "-", "_" and ".".`,
  );
}

/** A required non-empty string: returns it, or reports `missing-<key>` / `invalid-<key>`. */
export function requiredString(
  record: JsonRecord,
  key: 'id' | 'name' | 'description',
  path: string,
  label: string,
  problems: ProblemList,
): string | undefined {
  const value = record[key];
  const at = joinPath(path, key);
  if (typeof value === 'string' && value.trim() !== '') {
    warnIfLong(value, at, problems);
    return value;
  }
  if (isAbsent(value) || typeof value === 'string') {
    problems.error(
      at,
      `missing-${key}`,
      `${label} has no ${key}${value ? ' (it is blank)' : ''}; give it a non-empty string.`,
    );
  } else {
    problems.error(at, `invalid-${key}`, `${label}: "${key}" must be a string; got ${describeValue(value)}.`);
  }
  return undefined;
}

export function optionalBoolean(
  record: JsonRecord,
  key: string,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  const value = record[key];
  if (isAbsent(value) || typeof value === 'boolean') return;
  problems.error(
    joinPath(path, key),
    'invalid-boolean',
    `${label}: "${key}" must be true or false; got ${describeValue(value)}.`,
  );
}

export function checkMetadata(record: JsonRecord, path: string, label: string, problems: ProblemList): void {
  const value = record.metadata;
  if (isAbsent(value) || isRecord(value)) return;
  problems.error(
    joinPath(path, 'metadata'),
    'invalid-metadata',
    `${label}: "metadata" must be an object; got ${describeValue(value)}.`,
  );
}

export function checkTags(offering: JsonRecord, path: string, label: string, problems: ProblemList): void {
  const tags = offering.tags;
  const at = joinPath(path, 'tags');
  if (isAbsent(tags)) return;
  if (!Array.isArray(tags)) {
    problems.error(
      at,
      'invalid-tags',
      `${label}: "tags" must be an array of strings; got ${describeValue(tags)}.`,
    );
    return;
  }
  for (const [index, tag] of tags.entries()) {
    if (typeof tag === 'string') warnIfLong(tag, joinPath(at, index), problems);
    else
      problems.error(
        joinPath(at, index),
        'invalid-tags',
        `${label}: every tag must be a string; got ${describeValue(tag)}.`,
      );
  }
}

export function checkRequires(
  offering: JsonRecord,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  const requires = offering.requires;
  const at = joinPath(path, 'requires');
  if (isAbsent(requires)) return;
  if (!Array.isArray(requires)) {
    problems.error(
      at,
      'invalid-requires',
      `${label}: "requires" must be an array; got ${describeValue(requires)}.`,
    );
    return;
  }
  for (const [index, permission] of requires.entries()) {
    if (PERMISSIONS.some((allowed) => allowed === permission)) continue;
    problems.error(
      joinPath(at, index),
      'unsupported-requires',
      `${label}: "requires" value ${describeValue(permission)} is not allowed; use only ${PERMISSIONS.join(', ')}.`,
    );
  }
}

export function checkDashboardClient(
  offering: JsonRecord,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  const client = offering.dashboard_client;
  const at = joinPath(path, 'dashboard_client');
  if (isAbsent(client)) return;
  if (!isRecord(client)) {
    problems.error(
      at,
      'invalid-dashboard-client',
      `${label}: "dashboard_client" must be an object; got ${describeValue(client)}.`,
    );
    return;
  }
  for (const field of DASHBOARD_CLIENT_FIELDS) {
    const value = client[field];
    if (typeof value === 'string' && value !== '') {
      // The secret is never echoed, not even in a length warning.
      if (field !== 'secret') warnIfLong(value, joinPath(at, field), problems);
      continue;
    }
    problems.error(
      joinPath(at, field),
      'incomplete-dashboard-client',
      `${label}: "dashboard_client" has no ${field}; a dashboard client needs a non-empty id, secret and redirect_uri, or leave it out.`,
    );
  }
}

export function checkMaintenanceInfo(
  plan: JsonRecord,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  const info = plan.maintenance_info;
  const at = joinPath(path, 'maintenance_info');
  if (isAbsent(info)) return;
  if (!isRecord(info)) {
    problems.error(
      at,
      'invalid-maintenance-info',
      `${label}: "maintenance_info" must be an object; got ${describeValue(info)}.`,
    );
    return;
  }
  const version = info.version;
  // semver.valid also accepts a leading "v" or "=" and surrounding blanks, which SemVer 2.0 does not.
  if (typeof version === 'string' && /^\d\S*$/.test(version) && validSemver(version) !== null) {
    warnIfLong(version, joinPath(at, 'version'), problems);
  } else {
    problems.error(
      joinPath(at, 'version'),
      'invalid-maintenance-info-version',
      `${label}: maintenance_info.version ${isAbsent(version) ? 'is missing' : `${describeValue(version)} is not SemVer 2.0`}; use a version like "1.4.0".`,
    );
  }
  const description = info.description;
  if (typeof description === 'string') warnIfLong(description, joinPath(at, 'description'), problems);
  else if (!isAbsent(description)) {
    problems.error(
      joinPath(at, 'description'),
      'invalid-maintenance-info',
      `${label}: maintenance_info.description must be a string; got ${describeValue(description)}.`,
    );
  }
}

export function checkMaximumPollingDuration(
  plan: JsonRecord,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  const value = plan.maximum_polling_duration;
  if (isAbsent(value) || (Number.isSafeInteger(value) && (value as number) > 0)) return;
  problems.error(
    joinPath(path, 'maximum_polling_duration'),
    'invalid-maximum-polling-duration',
    `${label}: maximum_polling_duration ${describeValue(value)} must be a positive whole number of seconds.`,
  );
}
