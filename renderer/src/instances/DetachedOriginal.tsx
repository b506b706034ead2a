import type { DetachedOriginal as Original } from '../model/instances';
import './sharing.css';

const where = (original: Original) => (original.platform ? ` on ${original.platform}` : '');

/** On a reference whose original went from the SM: the shared instance lives on at the broker. */
export function DetachedNote({ original }: { original: Original | undefined }) {
  if (!original) return null;
  return (
    <p className="detached-note" data-testid="detached-note">
      Shared instance {original.name}: original deprovisioned{where(original)}; the broker still holds the
      instance.
    </p>
  );
}

/**
 * Where the original of a detached share was, in its platform's column: the SM keeps no record of it, the
 * references keep its name and platform, and the broker keeps the instance for them.
 */
export function DetachedOriginalCard({ original, references }: { original: Original; references: number }) {
  return (
    <div className="detached-original" data-anchor={original.id} data-testid={`detached-${original.id}`}>
      <header className="broker-head">
        <strong>{original.name}</strong>
        <span className="chip">deprovisioned</span>
      </header>
      <p className="muted instance-what">
        The shared original was deprovisioned here; its record left the Service Manager. The broker still
        holds the instance for {references === 1 ? 'its reference' : `its ${references} references`}.
      </p>
    </div>
  );
}
