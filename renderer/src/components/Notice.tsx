import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'info' | 'error';
  title: string;
  children: ReactNode;
}

/** A sentence about what happened and what to do, shown in place of content that could not be shown. */
export function Notice({ tone, title, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'note'}>
      <strong>{title}</strong>
      <p>{children}</p>
    </div>
  );
}
