import { useSyncExternalStore } from 'react';
import { VIEWS } from './view-list';

export type ViewId = (typeof VIEWS)[number]['id'];

export const hrefOf = (view: ViewId) => `#/${view}`;

function currentView(): ViewId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return VIEWS.find((view) => view.id === id)?.id ?? 'landscape';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The open view, from the URL hash (`#/traffic`), so reloads and the back button keep it. */
export const useView = () => useSyncExternalStore(subscribe, currentView);
