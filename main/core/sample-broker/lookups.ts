import { badRequest } from '../errors';
import { findPlan, findService, type PlanRef } from './catalog';

/** The catalog entry a request names, or 400 saying which id is unknown. */
export function requirePlan(serviceId: string, planId: string): PlanRef {
  const service = findService(serviceId);
  if (!service) throw badRequest(`service_id ${serviceId} is not in the catalog.`);
  const ref = findPlan(serviceId, planId);
  if (!ref) throw badRequest(`plan_id ${planId} is not a plan of the service ${service.name}.`);
  return ref;
}

/** The plan of a stored record (always in the catalog, since ids are stable). */
export function planOfRecord(record: { serviceId: string; planId: string }): PlanRef {
  return requirePlan(record.serviceId, record.planId);
}
