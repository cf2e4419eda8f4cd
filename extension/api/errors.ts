/** A refusal or failure from the worker: its HTTP status (0 when it could not be reached), code and message. */
export class WorkerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
