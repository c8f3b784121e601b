import type { UpdateStatus, WorkActivity } from '../../../shared/diagnostics/updates';

/**
 * The parts of the preload bridge that exist only in the installed app (src/preload/index.ts):
 * updating and work activity concern the PC itself, so they are not office API methods and are
 * absent in a plain browser (board, kiosk, a terminal opened in Chrome).
 */
export interface DesktopBridge {
  updates: {
    status(): Promise<UpdateStatus>;
    check(): Promise<UpdateStatus>;
    onStatus(listener: (s: UpdateStatus) => void): () => void;
  };
  reportActivity(activity: WorkActivity): void;
}

export function desktopBridge(): DesktopBridge | null {
  const b = (window as { motcua?: Partial<DesktopBridge> }).motcua;
  return b?.updates && b.reportActivity ? (b as DesktopBridge) : null;
}
