import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Real small file systems for storage-failure tests. Mounting needs root with CAP_SYS_ADMIN (true on
 * the CI runners and the dev container); where it is refused, callers fall back to a documented SQLite
 * simulation and say so in the test name.
 */
function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export function mountTmpfs(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  return run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

/** An ext4 image on a loop device, mounted with errors=remount-ro (what a Linux host does on disk errors). */
export function mountExt4(image: string, dir: string, opts: { readOnly?: boolean; format?: boolean } = {}): boolean {
  fs.mkdirSync(dir, { recursive: true });
  if (opts.format !== false) {
    fs.writeFileSync(image, '');
    fs.truncateSync(image, 24 * 1024 * 1024);
    if (!run('mkfs.ext4', ['-q', '-F', image])) return false;
  }
  return run('mount', ['-o', `loop,errors=remount-ro${opts.readOnly ? ',ro' : ''}`, image, dir]);
}

/**
 * Makes the kernel switch a mounted ext4 to read-only, as after an I/O error, even with files open for
 * writing (a plain `mount -o remount,ro` is refused while SQLite holds the database open).
 */
export function forceKernelReadOnly(dir: string): boolean {
  try {
    const source = execFileSync('findmnt', ['-n', '-o', 'SOURCE', dir], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join('/sys/fs/ext4', path.basename(source), 'trigger_fs_error'), 'motcua test');
    return true;
  } catch {
    return false;
  }
}

export function repairExt4(image: string): void {
  run('e2fsck', ['-f', '-y', image]);
}

export function unmount(dir: string): void {
  if (!run('umount', [dir])) run('umount', ['-l', dir]);
}
