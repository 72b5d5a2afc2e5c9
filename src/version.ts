// The version, written into the bundle by scripts/build.js (esbuild's `define`), so printing it
// reads no file.
declare const __NETLOG_VERSION__: string;

export const VERSION: string = __NETLOG_VERSION__;
