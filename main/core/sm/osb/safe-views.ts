import type { EventBus } from '../../events';
import type { BindingRecord, InstanceRecord } from '../model';
import type { Settled } from './transitions';

/** An instance for events: no rollback copy; a deep copy, since the stored record changes later. */
export const instanceEventView = ({ previous: _previous, ...instance }: InstanceRecord) =>
  structuredClone(instance);

/** A binding for events and logs: never its credentials. */
export const bindingEventView = ({ credentials: _credentials, ...binding }: BindingRecord) =>
  structuredClone(binding);

export function emitSettled(events: EventBus, settled: Settled | undefined): void {
  if (!settled) return;
  events.emit('sm.operation', { operation: structuredClone(settled.operation) });
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
