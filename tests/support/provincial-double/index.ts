export { startProvincialDouble, type ProvincialDouble, type ProvincialDoubleOptions } from './server';
export {
  ProvincialState,
  type AppliedChange,
  type BackOfficePatch,
  type CatalogEntry,
  type DoubleAccount,
  type RequestLogEntry,
} from './state';
export { FaultInjector, seededRng, type FaultKind, type FaultRule, type FaultSpec, type FiredFault } from './faults';
