import type { PlanSchemas } from './catalog-types';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** The parameter schemas of the `sample-configurable` plan: validated with ajv on provision, update and bind. */
export const configurableSchemas: PlanSchemas = {
  service_instance: {
    create: {
      parameters: {
        $schema: DRAFT_07,
        type: 'object',
        properties: {
          region: { type: 'string', enum: ['eu', 'us', 'ap'], description: 'Where the instance runs.' },
          size: { type: 'integer', minimum: 1, maximum: 10, default: 1, description: 'Capacity units.' },
          owner: { type: 'string', format: 'email', description: 'Who to contact.' },
        },
        required: ['region'],
        additionalProperties: false,
      },
    },
    update: {
      parameters: {
        $schema: DRAFT_07,
        type: 'object',
        properties: {
          size: { type: 'integer', minimum: 1, maximum: 10 },
          owner: { type: 'string', format: 'email' },
        },
        additionalProperties: false,
      },
    },
  },
  service_binding: {
    create: {
      parameters: {
        $schema: DRAFT_07,
        type: 'object',
        properties: {
          role: { type: 'string', enum: ['read', 'write'], default: 'read' },
        },
        additionalProperties: false,
      },
    },
  },
};
