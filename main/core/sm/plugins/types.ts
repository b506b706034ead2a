import type { OsbOperation } from '../../../../shared/osb-operations';
import type { PlanView } from '../catalog/views';
import type { PlatformRecord, SmState } from '../model';
import type { OsbAnswer, OsbHeaders } from '../osb/types';

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What the SM will send to the broker; `before` hooks may change any of it. */
export interface OsbRequest {
  body: unknown;
  query: Record<string, string>;
  headers: OsbHeaders;
}

/** What a plugin learns about one OSB call. Everything but `request` is read-only. */
export interface OsbContext {
  readonly operation: OsbOperation;
  readonly platform: Readonly<Pick<PlatformRecord, 'id' | 'name' | 'type' | 'labels'>>;
  readonly broker: { readonly id: string; readonly name: string };
  readonly instanceId?: string;
  readonly bindingId?: string;
  /** The plan the call is about when the SM knows it: from the body, the query or the stored instance. */
  readonly plan?: DeepReadonly<PlanView>;
  readonly state: DeepReadonly<SmState>;
  readonly flowId: string;
  readonly request: OsbRequest;
}

/** A hook returns nothing to let the call go on unchanged (`async` hooks that return early are fine). */
type HookResult = Promise<OsbAnswer | undefined> | Promise<void>;

/**
 * A central policy on the OSB route. `before` hooks run in list order before the SM's own checks and may
 * rewrite `ctx.request` or refuse by returning an answer (the broker is then not called); `after` hooks run
 * in reverse order on the answer and may return a replacement.
 */
export interface OsbPlugin {
  name: string;
  before?(operation: OsbOperation, ctx: OsbContext): HookResult;
  after?(operation: OsbOperation, ctx: OsbContext, answer: OsbAnswer): HookResult;
}

/** What a plugin may use besides the context: a pino-compatible logger and the event bus. */
export interface PluginDeps {
  log: PluginLogger;
  events: { emit(type: string, data: unknown): unknown };
}

export interface PluginLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}
