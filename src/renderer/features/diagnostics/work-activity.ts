import { useEffect } from 'react';
import { desktopBridge } from './desktop-bridge';

/**
 * Tells the installed app what the clerk is doing, so a downloaded update waits instead of
 * restarting the window in the middle of an intake or while a citizen is being served.
 * Intake pages call useIntakeOpen(); the counter console calls setQueueServing().
 * Nothing is reported until one of them runs: the updater then treats the PC as busy and installs
 * at the next app close, which is the safe default.
 */
let openIntakes = 0;
let queueServing = false;

function report(): void {
  desktopBridge()?.reportActivity({ openIntakes, queueServing });
}

export function useIntakeOpen(open = true): void {
  useEffect(() => {
    if (!open) return;
    openIntakes++;
    report();
    return () => {
      openIntakes--;
      report();
    };
  }, [open]);
}

export function setQueueServing(serving: boolean): void {
  queueServing = serving;
  report();
}
