/** Procedure catalog: model, fees, and import validation (JSON, spreadsheet, provincial feed). */
export * from './procedure';
export * from './fees';
export * from './import';
export * from './issue-messages';
export * from './sheet-layout';
export * from './sheet-import';
export * from './variants';
