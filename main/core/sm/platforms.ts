import { randomBytes } from 'node:crypto';
import { nowIso } from '../clock';
import { ApiError, conflict, notFound } from '../errors';
import type { EventBus } from '../events';
import type { StateStore } from '../state';
import { parseInput } from '../validate';
import { freshResource } from './clock';
import { type InputLimits, smInputs } from './inputs';
import { applyLabelChanges } from './listing';
import type { Credentials, PlatformRecord, SmState } from './model';
import { publicPlatform } from './redact';

const generateCredentials = (): Credentials => ({
  username: `platform-${randomBytes(6).toString('hex')}`,
  password: randomBytes(18).toString('base64url'),
});

const same = (a: Credentials, b: Credentials) => a.username === b.username && a.password === b.password;

/** `/v1/platforms`: generated credentials are shown once (POST, regenerate) and checked on every platform call. */
export class PlatformService {
  readonly #inputs: ReturnType<typeof smInputs>;

  constructor(private readonly deps: { store: StateStore<SmState>; events: EventBus; limits?: InputLimits }) {
    this.#inputs = smInputs(deps.limits);
  }

  list() {
    return this.deps.store.state.platforms.map((platform) => publicPlatform(platform));
  }

  get(id: string) {
    return publicPlatform(this.#find(id));
  }

  record(id: string): PlatformRecord {
    return this.#find(id);
  }

  async create(body: unknown) {
    const input = parseInput(this.#inputs.platformCreate, body, 'The platform');
    const record: PlatformRecord = {
      ...freshResource(input.id),
      name: input.name,
      type: input.type,
      description: input.description ?? '',
      labels: input.labels ?? {},
      credentials: [generateCredentials()],
    };
    await this.deps.store.update((state) => {
      for (const platform of state.platforms) {
        if (platform.id === record.id) throw conflict(`A platform with id ${record.id} already exists.`);
        if (platform.name === record.name)
          throw conflict(`A platform named "${record.name}" already exists.`);
      }
      state.platforms.push(record);
    });
    this.deps.events.emit('sm.platform', { action: 'created', platform: publicPlatform(record) });
    return publicPlatform(record, true);
  }

  /** With `regenerateCredentials`, the old pair keeps working until the platform first uses the new one. */
  async update(id: string, body: unknown, regenerateCredentials = false) {
    const input = parseInput(this.#inputs.platformPatch, body, 'The platform patch');
    const updated = await this.deps.store.update((state) => {
      const platform = state.platforms.find((candidate) => candidate.id === id);
      if (!platform) throw notFound(`There is no platform with id ${id}.`);
      if (input.name && state.platforms.some((other) => other.id !== id && other.name === input.name)) {
        throw conflict(`A platform named "${input.name}" already exists.`);
      }
      const labels = input.labels
        ? applyLabelChanges(platform.labels, input.labels, this.deps.limits?.maxNameLength)
        : platform.labels;
      Object.assign(platform, {
        name: input.name ?? platform.name,
        type: input.type ?? platform.type,
        description: input.description ?? platform.description,
        labels,
        updated_at: nowIso(),
      });
      if (regenerateCredentials) platform.credentials = [platform.credentials[0]!, generateCredentials()];
      return platform;
    });
    this.deps.events.emit('sm.platform', { action: 'updated', platform: publicPlatform(updated) });
    return publicPlatform(updated, regenerateCredentials);
  }

  async delete(id: string): Promise<void> {
    const platform = this.#find(id);
    await this.deps.store.update((state) => {
      const instances = state.instances.filter((instance) => instance.platform_id === id);
      if (instances.length > 0) {
        throw new ApiError(
          409,
          'ExistingReferenceEntity',
          `Platform "${platform.name}" still has ${instances.length} service instance(s). Deprovision them first.`,
        );
      }
      state.platforms = state.platforms.filter((candidate) => candidate.id !== id);
      state.visibilities = state.visibilities.filter((visibility) => visibility.platform_id !== id);
    });
    this.deps.events.emit('sm.platform', { action: 'deleted', platform: publicPlatform(platform) });
  }

  /** The platform these credentials belong to; the first use of regenerated ones retires the old pair. */
  async authenticate(given: Credentials): Promise<PlatformRecord | undefined> {
    const platform = this.match(given);
    if (platform && platform.credentials.length > 1 && same(platform.credentials[1]!, given)) {
      await this.deps.store.update((state) => {
        const current = state.platforms.find((candidate) => candidate.id === platform.id);
        if (current && current.credentials.length > 1) current.credentials = [current.credentials[1]!];
      });
    }
    return platform;
  }

  /** The platform whose current or regenerated credentials these are. */
  match(given: Credentials): PlatformRecord | undefined {
    return this.deps.store.state.platforms.find((candidate) =>
      candidate.credentials.some((pair) => same(pair, given)),
    );
  }

  #find(id: string): PlatformRecord {
    const platform = this.deps.store.state.platforms.find((candidate) => candidate.id === id);
    if (!platform) throw notFound(`There is no platform with id ${id}. List them with GET /v1/platforms.`);
    return platform;
  }
}
