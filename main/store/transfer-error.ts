/** Thrown when a landscape cannot be moved: one sentence saying why and what to do. */
export class TransferError extends Error {
  override name = 'TransferError';
}
