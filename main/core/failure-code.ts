/**
 * Why an HTTP call got no answer, in a word: the socket error's code that Node's fetch and our sends keep as
 * the error's `cause` (`ECONNREFUSED`, `ECONNRESET`…), else the error's own message.
 */
export function failureCode(error: unknown): string {
  return (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
}
