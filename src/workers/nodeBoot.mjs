// Node 20 cannot start a worker thread from a .ts file: register tsx, then import
// the TypeScript entry named in workerData (default: the simulation worker).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData?.entry ?? new URL('./nodeWorker.ts', import.meta.url).href);
