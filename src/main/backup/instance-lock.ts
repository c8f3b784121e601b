import fs from 'node:fs';
import path from 'node:path';

/**
 * A "this data folder is in use" marker with the owner's process id, so the restore command line
 * refuses to swap the database under a running office server. A marker left by a killed process
 * names a dead pid and is ignored.
 */
const LOCK_FILE = 'instance.pid';

export function claimInstance(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

export function runningInstance(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM' ? pid : null;
  }
}
