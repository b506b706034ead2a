/** The parts of an OSB 2.17 catalog the sample broker uses (field names as on the wire). */
export interface JsonSchemaObject {
  $schema: string;
  [key: string]: unknown;
}

export interface PlanSchemas {
  service_instance?: {
    create?: { parameters: JsonSchemaObject };
    update?: { parameters: JsonSchemaObject };
  };
  service_binding?: {
    create?: { parameters: JsonSchemaObject };
  };
}

export interface CatalogPlan {
  id: string;
  name: string;
  description: string;
  free?: boolean;
  bindable?: boolean;
  plan_updateable?: boolean;
  metadata?: Record<string, unknown>;
  schemas?: PlanSchemas;
  maintenance_info?: { version: string; description?: string };
  maximum_polling_duration?: number;
}

export interface CatalogService {
  id: string;
  name: string;
  description: string;
  bindable: boolean;
  tags?: string[];
  requires?: Array<'syslog_drain' | 'route_forwarding' | 'volume_mount'>;
  instances_retrievable?: boolean;
  bindings_retrievable?: boolean;
  allow_context_updates?: boolean;
  plan_updateable?: boolean;
  metadata?: Record<string, unknown>;
  plans: CatalogPlan[];
}

export interface Catalog {
  services: CatalogService[];
}
