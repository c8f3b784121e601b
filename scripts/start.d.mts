// Types for scripts/start.mjs (plain JavaScript so `npm start` needs no build step).
export type Launch = { mode: 'desktop' } | { mode: 'browser'; why: string };
export type ElectronProbe = { runs: true; bin?: string } | { runs: false; why: string };
export function hasGraphicalSession(platform: string, env: Record<string, string | undefined>): boolean;
export function chooseLaunch(o: { argv: string[]; platform: string; env: Record<string, string | undefined>; electron: () => ElectronProbe }): Launch;
export function officeServerArgs(argv: string[]): string[];
export function browserOpener(platform: string, url: string): { cmd: string; args: string[] };
