/** Browser worker entry: exposes the simulation API to the page. */
import * as Comlink from 'comlink';
import { api } from './simWorker.ts';

Comlink.expose(api);
