import type { ReactNode } from 'react';
import type { Loaded } from '../model/use-load';
import { Notice } from './Notice';

interface LoadStateProps<T> {
  loaded: Loaded<T>;
  /** What is loaded, as the start of a sentence: `The catalog` (could not be loaded). */
  what: string;
  /** The placeholder's class while loading. */
  loadingClassName?: string;
  children: (data: T) => ReactNode;
}

/** A view's data once it is there; until then a placeholder, or what went wrong and what to do. */
export function LoadState<T>({
  loaded,
  what,
  loadingClassName = 'panel panel-loading',
  children,
}: LoadStateProps<T>) {
  switch (loaded.state) {
    case 'loading':
      return <div className={loadingClassName} aria-busy="true" />;
    case 'error':
      return (
        <Notice tone="error" title={`${what} could not be loaded.`}>
          {loaded.message}. Check that smsim is still running, then reload the page.
        </Notice>
      );
    case 'ok':
      return children(loaded.data);
  }
}
