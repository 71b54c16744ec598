// comlink ships the node adapter's types beside an .mjs file without an exports map.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
