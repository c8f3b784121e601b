// electron-builder afterPack hook: flips the Electron fuses of the packed executable before it is
// signed (electron-builder signs after afterPack, so the signature covers the flipped binary).
// CommonJS because electron-builder loads hooks with require().
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file by necessity (see above) */
'use strict';
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * The fuse settings, as a pure function so a unit test can check them.
 * - RunAsNode off: ELECTRON_RUN_AS_NODE would turn the signed exe into a plain Node that runs any script.
 * - NODE_OPTIONS and --inspect off: no code injection through the environment or a debugger port.
 * - Embedded asar integrity + only load from asar: the app code that runs is the code that was signed
 *   (electron-builder embeds the asar hash into the exe).
 * - Cookie encryption on: session cookies of a terminal (host URL) are encrypted with the OS key store.
 * Left alone on purpose: GrantFileProtocolExtraPrivileges (the host renderer loads from file://, with
 * module scripts that need it) and LoadBrowserProcessSpecificV8Snapshot (no custom snapshot).
 */
function fuseConfig() {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  };
}

/** Path of the packed Electron executable for the platform being built. */
function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name);
  }
}

async function afterPack(context) {
  const exe = executablePath(context);
  const flipped = await flipFuses(exe, fuseConfig());
  // flipFuses returns the number of fuse wires it rewrote; 0 would mean nothing was protected.
  if (flipped < 1) throw new Error(`flip-fuses: no fuse wire found in ${exe}`);
  console.log(`  • electron fuses flipped  file=${path.basename(exe)}`);
}

module.exports = { afterPack, fuseConfig, executablePath, default: afterPack };
