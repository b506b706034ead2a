import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../core/errors';
import { allowedHostnames, hostRefusal } from './host-check';
import { pathRefusal } from './safe-path';
import { crossOriginRefusal } from './same-origin';

/**
 * The front door's checks for WebSocket upgrades, which never reach Express: the `Host`, the origin and the
 * path (credentials are the WebSocket route's own). Answers why `req` is refused, or undefined.
 */
export function upgradeDoor(host: string): (req: IncomingMessage) => ApiError | undefined {
  const allowed = allowedHostnames(host);
  return (req) => hostRefusal(req, allowed) ?? crossOriginRefusal(req) ?? pathRefusal(req.url ?? '/');
}
