import type { z } from 'zod';
import type { MethodSpec } from './define';
import { systemContract } from './system-contract';
import { catalogContract } from './catalog-contract';
import { calendarContract } from './calendar-contract';
import { backupContract } from './backup-contract';
import { devicesContract } from './devices-contract';
import { securityContract } from './security-contract';
import { diagnosticsContract } from './diagnostics-contract';
import { dossierContract } from './dossier-contract';
import { printingContract } from './printing-contract';
import { reportsContract } from './reports-contract';
import { queueContract } from './queue-contract';
import { syncContract } from './sync-contract';
import { postalContract } from './postal-contract';
import { papersContract } from './papers-contract';

/**
 * The whole API: every capability contributes one `*-contract.ts` file with its methods,
 * merged here. Both transports (IPC and the office server) dispatch through this map only.
 */
export const contract = {
  ...systemContract,
  ...catalogContract,
  ...calendarContract,
  ...backupContract,
  ...devicesContract,
  ...securityContract,
  ...diagnosticsContract,
  ...dossierContract,
  ...printingContract,
  ...reportsContract,
  ...queueContract,
  ...syncContract,
  ...postalContract,
  ...papersContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
