/** The sample broker speaks the OSB catalog of core/osb; these names are what its modules call them. */
export type {
  Catalog,
  Offering as CatalogService,
  ParametersSchema as JsonSchemaObject,
  Plan as CatalogPlan,
  PlanSchemas,
} from '../osb/catalog-types';
