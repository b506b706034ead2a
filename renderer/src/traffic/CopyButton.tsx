import { useState } from 'react';

interface CopyButtonProps {
  label: string;
  /** What is copied, or how to get it when the button is pressed (e.g. credentials asked for then). */
  text: string | (() => Promise<string>);
  /** Says what the copy holds. */
  title?: string;
}

/** Copies `text` to the clipboard and says so for a moment, or says why it could not. */
export function CopyButton({ label, text, title }: CopyButtonProps) {
  const [said, setSaid] = useState<{ word: string; why?: string } | null>(null);
  const say = (word: string, why?: string) => {
    setSaid({ word, why });
    setTimeout(() => setSaid(null), why ? 4000 : 1500);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
      say('Copied');
    } catch (error) {
      say('Not copied', error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <button type="button" className="button" onClick={copy} title={said?.why ?? title}>
      {said?.word ?? label}
      {said?.why ? <span className="visually-hidden">: {said.why}</span> : null}
    </button>
  );
}
