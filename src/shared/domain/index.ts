/** Pure domain rules of the one-stop counter (no Node, no DOM). */
export * from './text-fold';
export * from './date-parts';
export * from './cccd-qr';
export * from './s10';
export * from './identity';
export * from './dossier-code';
export * from './provincial-time';
export * from './status';
export * from './money';
