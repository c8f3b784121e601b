/** PDF renderers of the one-stop forms: pure functions from plain data to PDF bytes. */
export { renderReceipt, type ReceiptOptions } from './receipt';
export { renderSupplementRequest } from './supplement-request';
export { renderRefusal } from './refusal';
export { renderApology } from './apology';
export { renderStopNotice } from './stop-notice';
export { renderControlSheet } from './control-sheet';
export { renderTrackingBook } from './tracking-book';
export { renderFeeReceipt, type FeeReceiptOptions } from './fee-receipt';
export { renderPostalHandover } from './postal-handover';
export { resolveResourcesDir } from './fonts';
export { warmUpPdf } from './warm-up';
export type { Paper } from './layout';
