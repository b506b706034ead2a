import type { EventBus } from '../../events';
import { jsonCopy } from '../../json-copy';
import type { BindingRecord, InstanceRecord } from '../model';
import type { Settled } from './transitions';

/** An instance for events: no rollback copy; a deep copy, since the stored record changes later. */
export const instanceEventView = ({ previous: _previous, ...instance }: InstanceRecord) => jsonCopy(instance);

/** A binding for events and logs: never its credentials. */
export const bindingEventView = ({ credentials: _credentials, ...binding }: BindingRecord) =>
  jsonCopy(binding);

export function emitSettled(events: EventBus, settled: Settled | undefined): void {
  if (!settled) return;
  events.emit('sm.operation', { operation: jsonCopy(settled.operation) });
  if (settled.instance) {
    events.emit('sm.instance', {
      action: settled.instance.action,
      instance: instanceEventView(settled.instance.record),
    });
  }
  if (settled.binding) {
    events.emit('sm.binding', {
      action: settled.binding.action,
      binding: bindingEventView(settled.binding.record),
    });
  }
}
