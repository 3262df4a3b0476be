// comlink ships its Node adapter as dist/esm/node-adapter.mjs with types only next to the .js
// build; this lets TypeScript see the .mjs import with those types.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/esm/node-adapter.js';
  export default nodeEndpoint;
}
