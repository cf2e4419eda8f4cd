/**
 * The extension's public entry for code outside the browser (the fault run): the worker's calls and
 * the outbox that sends confirmed writes through them, on whatever IndexedDB the host provides.
 * Nothing here reads the extension's settings or session: the caller says where the worker is and
 * whose session to send.
 */
export { type Caller, workerCalls, workerClient } from './api/client';
export { enqueue, flush, shownWrites } from './cache/outbox';
