import type { z } from 'zod';
import type { bindInputSchema, provisionInputSchema, updateInputSchema } from '../../core/platform/inputs';
import type { PlatformState } from '../../core/platform/state';
import type { bindingView, instanceView } from '../../core/platform/views';
import type { RunningPlatform } from './server';

/** What `/api/platforms` answers: each platform, how to reach it and how its proxy keeps up with the SM. */
export type PlatformSummary = Pick<RunningPlatform, 'name' | 'type' | 'url'> & {
  /** The platform's id at the SM; null until it registered. */
  id: string | null;
  proxyCredentials: PlatformState['proxyCredentials'];
} & ReturnType<RunningPlatform['status']>;

/** What each platform's API (`/api/platforms/<name>/…`) lists: its instances, bindings, brokers, marketplace. */
export type PlatformInstanceView = ReturnType<typeof instanceView>;
export type PlatformBindingView = ReturnType<typeof bindingView>;
export type { MarketplaceOffering, MarketplacePlan } from '../../core/platform/marketplace';
export type { PlanVisibility, RegisteredBroker } from '../../core/platform/state';

/** The bodies the platform API takes: a provision, an update, a bind. */
export type ProvisionInput = z.input<typeof provisionInputSchema>;
export type UpdateInput = z.input<typeof updateInputSchema>;
export type BindInput = z.input<typeof bindInputSchema>;
