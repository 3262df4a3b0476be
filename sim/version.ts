import pkg from '../package.json' with { type: 'json' };

/** radsim's version, as in package.json: written into snapshots' headers. */
export const RADSIM_VERSION: string = pkg.version;
