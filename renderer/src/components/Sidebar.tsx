import type { KeyboardEvent } from 'react';
import { rememberedHref, type ViewId } from '../navigation';
import { VIEWS } from '../view-list';

/** Up and down arrows move between the links, as in a menu; Tab still leaves the list. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[(index + (event.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length];
  event.preventDefault();
  next?.focus();
}

/** The views; each link goes back to the filters and selection its view was left with. */
export function Sidebar({ current }: { current: ViewId }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-name">smsim</span>
        <span className="brand-tagline">Service Manager simulator</span>
      </div>
      <nav aria-label="Views" onKeyDown={moveFocus}>
        <ul className="nav-list">
          {VIEWS.map((view) => (
            <li key={view.id}>
              <a
                className="nav-link"
                href={rememberedHref(view.id)}
                aria-current={view.id === current ? 'page' : undefined}
                data-testid={`nav-${view.id}`}
              >
                {view.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
