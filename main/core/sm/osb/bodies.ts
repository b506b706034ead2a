import { z } from 'zod';
import type { OsbOperation } from '../../../../shared/osb-operations';
import { parseInput } from '../../validate';
import { CLOUD_FOUNDRY } from './visibility';

const jsonObject = z.record(z.string(), z.unknown());
const id = z.string().min(1);

/** What the SM reads of OSB request bodies; unknown fields go to the broker untouched. */
export const provisionBodySchema = z.looseObject({
  service_id: id,
  plan_id: id,
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  maintenance_info: jsonObject.optional(),
});

export const updateBodySchema = z.looseObject({
  service_id: id.optional(),
  plan_id: id.optional(),
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  maintenance_info: jsonObject.optional(),
});

export const bindBodySchema = z.looseObject({
  service_id: id.optional(),
  plan_id: id.optional(),
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  bind_resource: jsonObject.optional(),
});

/** What the SM reads of a request body: the fields of the operation's schema (none for other operations). */
export type OsbBody = Partial<z.infer<typeof updateBodySchema> & z.infer<typeof bindBodySchema>>;

const bodySchemas: Partial<Record<OsbOperation, [z.ZodType<OsbBody>, string]>> = {
  provision: [provisionBodySchema, 'The provision request'],
  update: [updateBodySchema, 'The update request'],
  bind: [bindBodySchema, 'The bind request'],
};

/**
 * The body of a provision, update or bind, read by its schema (400 when it does not fit); `{}` for others.
 * A Cloud Foundry provision without `context` gets the one its REQUIRED top-level `organization_guid` and
 * `space_guid` carry (OSB: `context` replaces them, a client may still send only those); the broker gets the
 * body as it was sent.
 */
export function requestBody(operation: OsbOperation, body: unknown, platformType: string): OsbBody {
  const schema = bodySchemas[operation];
  if (!schema) return {};
  const read = parseInput(schema[0], body, schema[1]);
  if (operation !== 'provision' || read.context || platformType !== CLOUD_FOUNDRY) return read;
  const guids = Object.fromEntries(
    (['organization_guid', 'space_guid'] as const).flatMap((key) => {
      const value = stringField(read, key);
      return value ? [[key, value]] : [];
    }),
  );
  return Object.keys(guids).length === 0 ? read : { ...read, context: { platform: CLOUD_FOUNDRY, ...guids } };
}

/** The fields of a binding answer the SM stores (credentials are never shown without `show_credentials`). */
export const bindingAnswerSchema = z.object({
  credentials: jsonObject.optional().catch(undefined),
  syslog_drain_url: z.string().optional().catch(undefined),
  route_service_url: z.string().optional().catch(undefined),
  volume_mounts: z.array(z.unknown()).optional().catch(undefined),
});

export const stringField = (body: unknown, key: string): string | undefined => {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};
