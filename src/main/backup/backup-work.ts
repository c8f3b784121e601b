import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../app/paths';

/**
 * Where a backup's plaintext snapshot lives while it is being encrypted: a private folder of the data
 * folder, never `backups/`. `backups/` is the folder people copy to a USB stick or a share, so a snapshot
 * left there by a backup killed midway (it used to stay until the next backup) was a plain copy of every
 * citizen's data next to the encrypted ones. This folder is emptied at every start and before every backup.
 */
export function backupWorkDir(paths: DataPaths): string {
  return path.join(paths.root, 'backup-work');
}

/** Removes what an interrupted backup can leave: the snapshot (and its journal) and a half-written `.partial`. */
export function removeBackupLeftovers(paths: DataPaths): string[] {
  const removed: string[] = [];
  const work = backupWorkDir(paths);
  if (fs.existsSync(work)) {
    for (const f of fs.readdirSync(work)) {
      fs.rmSync(path.join(work, f), { recursive: true, force: true });
      removed.push(path.join(work, f));
    }
  }
  if (fs.existsSync(paths.backups)) {
    // `.tmp-*` is where versions before 0.1 put the snapshot; `.partial` is an encrypted file cut short.
    for (const f of fs.readdirSync(paths.backups)) {
      if (f.startsWith('.tmp-') || f.endsWith('.partial')) {
        fs.rmSync(path.join(paths.backups, f), { force: true });
        removed.push(path.join(paths.backups, f));
      }
    }
  }
  return removed;
}

/** A fresh snapshot path in the work folder (created owner-only). */
export function newSnapshotPath(paths: DataPaths, id: string): string {
  const work = backupWorkDir(paths);
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  return path.join(work, `snapshot-${id}.sqlite`);
}
