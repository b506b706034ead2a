import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatPlace, type Place, parsePlace, type ViewId, viewHref } from './url-state';

export type { ViewId } from './url-state';
export const hrefOf = viewHref;

/** Fired by `navigate`: history.pushState and replaceState change the hash without a `hashchange`. */
const NAVIGATED = 'smsim:navigate';
/** Per tab, so a view's state outlives a reload made on another view. */
const REMEMBERED_KEY = 'smsim.view-places';

function readRemembered(): Array<[ViewId, string]> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(REMEMBERED_KEY) ?? '[]');
    return Array.isArray(saved) ? saved : [];
  } catch {
    return [];
  }
}

/** The last hash each view had, so leaving a view and coming back finds its filters and selection. */
const remembered = new Map<ViewId, string>(readRemembered());

function currentHash(): string {
  const hash = window.location.hash;
  const { view } = parsePlace(hash);
  if (hash && remembered.get(view) !== hash) {
    remembered.set(view, hash);
    sessionStorage.setItem(REMEMBERED_KEY, JSON.stringify([...remembered]));
  }
  return hash;
}

function subscribe(onChange: () => void) {
  for (const type of ['hashchange', 'popstate', NAVIGATED]) window.addEventListener(type, onChange);
  return () => {
    for (const type of ['hashchange', 'popstate', NAVIGATED]) window.removeEventListener(type, onChange);
  };
}

/** The open view and its state, from the URL hash, so reloads, links and the back button keep them. */
export function usePlace(): Place {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parsePlace(hash), [hash]);
}

/** Where a view's link leads: back to the state it was left in. */
export const rememberedHref = (view: ViewId) => remembered.get(view) ?? viewHref(view);

/**
 * Goes to `href` (a hash). `replace` changes the current history entry instead of adding one: for a
 * view's own state (each keystroke of a filter, each row the arrows pass), so Back leaves the view.
 */
export function navigate(href: string, { replace = false } = {}): void {
  if (href === window.location.hash) return;
  window.history[replace ? 'replaceState' : 'pushState'](null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * One value of the open view's URL state (e.g. its text filter) and a setter that changes it in place, the
 * view's other values kept: for a view whose state is that one value.
 */
export function useUrlParam(name: string): [string, (value: string) => void] {
  const { view, params } = usePlace();
  const set = useCallback(
    (value: string) =>
      navigate(formatPlace(view, { ...Object.fromEntries(params), [name]: value }), { replace: true }),
    [view, params, name],
  );
  return [params.get(name) ?? '', set];
}
