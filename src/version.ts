// The version, written into the bundle by scripts/build.js (esbuild's `define`), so printing it
// reads no file. Run from the sources (tests), there is no bundle: "dev".
declare const __NETLOG_VERSION__: string | undefined;

export const VERSION: string = typeof __NETLOG_VERSION__ === 'string' ? __NETLOG_VERSION__ : 'dev';
