/**
 * The broker could not be asked at all: no answer to the first request, or 401 to the replay's credentials.
 * Not a difference: the CLI exits 2 with this one sentence.
 */
export class BrokerNotReachedError extends Error {
  override name = 'BrokerNotReachedError';

  static noAnswer(brokerUrl: string, reason: string): BrokerNotReachedError {
    return new BrokerNotReachedError(
      `the broker at ${brokerUrl} gave no answer (${reason}); is it running there?`,
    );
  }

  static unauthorized(brokerUrl: string): BrokerNotReachedError {
    return new BrokerNotReachedError(
      `the broker at ${brokerUrl} refused the credentials (401 Unauthorized); check the user and password.`,
    );
  }
}
