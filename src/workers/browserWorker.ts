/**
 * Browser worker entry: exposes the simulation API to the page. A Web Worker
 * that ends without an error (it calls close(), or the browser stops it) sends
 * the page no event, so the worker holds a Web Lock named after itself for as
 * long as it lives: the page asks for the same lock and is granted it the moment
 * the worker ends (see browserWorkers.ts).
 */
import * as Comlink from 'comlink';
import { api, HOLDING_LIFE_LOCK } from './simWorker.ts';

// Web Locks exist only in secure contexts (https, localhost); elsewhere the pool's time limits remain.
const lifeLock: Promise<boolean> =
  self.name && typeof navigator !== 'undefined' && navigator.locks
    ? new Promise((held) => {
        navigator.locks
          .request(self.name, () => {
            held(true);
            return new Promise<never>(() => {}); // never released while the worker lives
          })
          .catch(() => held(false));
      })
    : Promise.resolve(false);

Comlink.expose({
  ...api,
  /** Answers once the worker holds its life lock (or has none to hold). */
  async ping(): Promise<string> {
    return (await lifeLock) ? HOLDING_LIFE_LOCK : api.ping();
  },
});
