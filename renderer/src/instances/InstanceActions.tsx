import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { deprovision, type InstanceRow, reference, share } from '../model/instances';
import type { Action } from '../use-action';
import { planActions } from './plan-actions';
import './instance-actions.css';

interface InstanceActionsProps {
  instance: InstanceRow;
  /** The other platforms, where a shared instance can be referenced. */
  others: string[];
  /** The card's action: its message says what the last one did. */
  action: Action;
  onOpenForm: (mode: 'update' | 'bind') => void;
  /** The instance is gone (or going): what to tell the user once its card is no longer there. */
  onRemoved: (message: string) => void;
}

/** The buttons of an instance card: only what its plan allows; Deprovision asks first. */
export function InstanceActions({ instance, others, action, onOpenForm, onRemoved }: InstanceActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const allowed = planActions(instance);
  const { busy, run } = action;
  const where = `${instance.name} on ${instance.platform}`;
  const deprovisionNow = async () => {
    setConfirming(false);
    await run(async () => {
      const answer = await deprovision(instance);
      onRemoved(
        answer.state === 'in progress'
          ? `Deprovision of ${where} started: the card goes when the broker has finished.`
          : `Deprovisioned ${where}.`,
      );
    });
  };
  return (
    <fieldset className="actions instance-actions">
      <legend className="visually-hidden">Actions</legend>
      {allowed.bind ? (
        <button type="button" className="button" onClick={() => onOpenForm('bind')}>
          Bind…
        </button>
      ) : null}
      {allowed.update ? (
        <button type="button" className="button" onClick={() => onOpenForm('update')}>
          Update…
        </button>
      ) : null}
      {allowed.share ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            run(
              () => share(instance, !instance.shared),
              () =>
                instance.shared
                  ? `${instance.name} is no longer shared.`
                  : `Shared ${instance.name}: the other platforms can reference it now.`,
            )
          }
        >
          {instance.shared ? 'Unshare' : 'Share'}
        </button>
      ) : null}
      {instance.shared
        ? others.map((platform) => (
            <button
              key={platform}
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                run(
                  () => reference(instance, platform),
                  (made) => `Referenced ${instance.name} on ${platform} as ${made.name}.`,
                )
              }
            >
              Reference on {platform}
            </button>
          ))
        : null}
      <button
        type="button"
        className="button button-danger"
        disabled={busy}
        onClick={() => setConfirming(true)}
      >
        Deprovision
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Deprovision ${instance.name}?`}
        body={<DeprovisionConsequences instance={instance} />}
        confirmLabel="Deprovision"
        onConfirm={deprovisionNow}
        onCancel={() => setConfirming(false)}
      />
    </fieldset>
  );
}

/** What a deprovision does, as the SM will do it, so the user knows before confirming. */
function DeprovisionConsequences({ instance }: { instance: InstanceRow }) {
  const where = (
    <>
      <strong>{instance.name}</strong> on {instance.platform}
    </>
  );
  if (instance.referencedInstanceId)
    return (
      <p>
        {where} is a reference: only the reference goes; the shared instance stays for its other holders (the
        last holder's deprovision deletes it at the broker).
      </p>
    );
  if (instance.shared)
    return (
      <p>
        {where} is shared. If references to it remain, the Service Manager either refuses or detaches it: its
        record goes and the broker keeps the instance for the references.
      </p>
    );
  const bound = instance.bindings.length;
  return (
    <p>
      {where} is deleted at the broker; this cannot be undone.
      {bound ? ` It has ${bound} binding(s): the Service Manager refuses until they are unbound.` : null}
    </p>
  );
}
