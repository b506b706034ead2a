import { isObject } from '../is-object';
/** A broker's deviation from the OSB spec, as the platform saw it; attached to the exchange that showed it. */
export interface SpecNote {
  level: 'info' | 'warn' | 'error';
  code: string;
  message: string;
}

export const note = (level: SpecNote['level'], code: string, message: string): SpecNote => ({
  level,
  code,
  message,
});

/** What came back for one OSB call the platform made, as the pure rules see it. */
export type CallResult =
  | {
      kind: 'answer';
      status: number;
      headers: Record<string, string>;
      /** Parsed JSON, undefined when empty or not JSON. */
      body: unknown;
      text: string;
    }
  | { kind: 'timeout' | 'unreachable'; message: string };

export type Answer = Extract<CallResult, { kind: 'answer' }>;

export type ChangeOperation = 'provision' | 'update' | 'deprovision' | 'bind' | 'unbind';

/** The statuses below 500 OSB 2.17 defines for each call (401 and 412 are about the caller, not the call). */
const allowed: Record<ChangeOperation, readonly number[]> = {
  provision: [200, 201, 202, 400, 401, 409, 412, 422],
  update: [200, 202, 400, 401, 412, 422],
  deprovision: [200, 202, 400, 401, 410, 412, 422],
  bind: [200, 201, 202, 400, 401, 409, 412, 422],
  unbind: [200, 202, 400, 401, 410, 412, 422],
};

/** Notes on the broker's answer (not the SM's or the proxy's) to a provision, update, deprovision, bind or unbind. */
export function notesForChange(operation: ChangeOperation, answer: Answer): SpecNote[] {
  const notes: SpecNote[] = [];
  const { status, body } = answer;
  const said = `${operation} answered ${status}`;
  if (status < 500 && !allowed[operation].includes(status)) {
    notes.push(note('warn', 'UnexpectedStatus', `The ${said}, which OSB 2.17 does not define for it.`));
  }
  if (status >= 200 && status < 300 && status !== 204 && !isObject(body)) {
    notes.push(note('error', 'MalformedBody', `The ${said} with a body that is not a JSON object.`));
  }
  if (status === 202 && isObject(body)) {
    if (body.operation === undefined)
      notes.push(
        note('info', 'MissingOperation', `The ${said} without an \`operation\`; polling goes without one.`),
      );
    else if (typeof body.operation !== 'string' || body.operation.length > 10_000)
      notes.push(
        note(
          'error',
          'InvalidOperation',
          `The ${said} with an \`operation\` that is not a string of at most 10 000 characters.`,
        ),
      );
    if (operation === 'bind' && body.credentials !== undefined)
      notes.push(
        note('warn', 'CredentialsOnAsyncBind', 'An asynchronous bind (202) must not return credentials.'),
      );
  }
  return notes;
}
