/** A backup or restore failure with a Vietnamese message an administrator can act on. */
export class BackupError extends Error {
  constructor(
    readonly kind:
      | 'no-key'
      | 'wrong-passphrase'
      | 'wrong-key'
      | 'not-a-backup'
      | 'tampered'
      | 'integrity'
      | 'too-new'
      | 'busy'
      | 'unreachable'
      | 'not-found'
      | 'os-key-unavailable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}
