/**
 * The OSB 2.17 catalog as brokers answer `GET /v2/catalog`, field names as on the wire.
 * Hand-written from spec.md: the spec's openapi.yaml lacks several 2.17 fields.
 * A catalog of these types has passed `validateCatalog`; optional fields sent as `null` are dropped there.
 */
export interface Catalog {
  services: Offering[];
}

/** The only values OSB allows in an offering's `requires`. */
export type RequiredPermission = 'syslog_drain' | 'route_forwarding' | 'volume_mount';

/** Cloud Foundry extension: the OAuth client of the offering's dashboard. */
export interface DashboardClient {
  id: string;
  secret: string;
  redirect_uri: string;
}

export interface Offering {
  id: string;
  name: string;
  description: string;
  bindable: boolean;
  instances_retrievable?: boolean;
  bindings_retrievable?: boolean;
  allow_context_updates?: boolean;
  tags?: string[];
  requires?: RequiredPermission[];
  metadata?: Record<string, unknown>;
  dashboard_client?: DashboardClient;
  plan_updateable?: boolean;
  plans: Plan[];
}

/** A JSON Schema for parameters; OSB requires `$schema` and forbids external references. */
export interface ParametersSchema {
  $schema: string;
  [keyword: string]: unknown;
}

export interface InputParametersSchema {
  parameters?: ParametersSchema;
}

export interface PlanSchemas {
  service_instance?: {
    create?: InputParametersSchema;
    update?: InputParametersSchema;
  };
  service_binding?: {
    create?: InputParametersSchema;
  };
}

export interface MaintenanceInfo {
  /** SemVer 2.0. */
  version: string;
  description?: string;
}

export interface Plan {
  id: string;
  name: string;
  description: string;
  metadata?: Record<string, unknown>;
  free?: boolean;
  /** Overrides the offering's `bindable` when present. */
  bindable?: boolean;
  binding_rotatable?: boolean;
  /** Overrides the offering's `plan_updateable` when present. */
  plan_updateable?: boolean;
  schemas?: PlanSchemas;
  /** Seconds a platform keeps polling an asynchronous operation of this plan. */
  maximum_polling_duration?: number;
  maintenance_info?: MaintenanceInfo;
}
