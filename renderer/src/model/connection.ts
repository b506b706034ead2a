import { type Connection, useLive } from './live';

/** Whether the control server answers at all (any status): fetch rejects only when no answer came. */
const simulatorAnswers = () =>
  fetch('/api/health', { cache: 'no-store' }).then(
    () => true,
    () => false,
  );

/**
 * What the event stream says about the connection, told apart further: each time the stream breaks, the
 * health route is asked; no answer there means the simulator is gone (`disconnected`), any answer that it is
 * still there (`reconnecting`). The EventSource keeps retrying either way; its next open is `live`. A failed
 * retry while disconnected changes nothing, so the words do not flicker.
 */
export function followConnection(connection: Connection, answers = simulatorAnswers): void {
  const { setConnection } = useLive.getState();
  const current = () => useLive.getState().connection;
  if (connection !== 'reconnecting') {
    setConnection(connection);
    return;
  }
  if (current() === 'disconnected') return;
  setConnection('reconnecting');
  void answers().then((there) => {
    if (!there && current() === 'reconnecting') setConnection('disconnected');
  });
}
