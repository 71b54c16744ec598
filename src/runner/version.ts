/** The version of the engine the runners run (results and links record it); its own module, so the page imports no engine code for it. */
export { ENGINE_VERSION } from '../engine/version.ts';
