import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { computeFees } from '../../shared/catalog/fees';
import {
  getCounterProcedures,
  getProcedureCase,
  getProcedureDetail,
  searchProcedures,
  setCounterProcedures,
  updateProcedure,
} from './catalog-service';
import { importCatalogUpload } from './catalog-upload';

type CatalogMethods =
  | 'catalog.search'
  | 'catalog.get'
  | 'catalog.update'
  | 'catalog.import'
  | 'catalog.getCounterProcedures'
  | 'catalog.setCounterProcedures'
  | 'catalog.fees';

export function createCatalogHandlers(app: AppContext): Pick<HandlerMap, CatalogMethods> {
  return {
    'catalog.search': (input) => searchProcedures(app, input),
    'catalog.get': (input) => getProcedureDetail(app, input.code),
    'catalog.update': (input, caller) => updateProcedure(app, caller, input),
    'catalog.import': (input, caller) => importCatalogUpload(app, caller, input),
    'catalog.getCounterProcedures': (input) => ({ counterNumber: input.counterNumber, codes: getCounterProcedures(app, input.counterNumber) }),
    'catalog.setCounterProcedures': (input, caller) => ({
      counterNumber: input.counterNumber,
      codes: setCounterProcedures(app, caller, input.counterNumber, input.codes),
    }),
    'catalog.fees': (input) => {
      const procedure = getProcedureCase(app, input.code, input.variantCode);
      const r = computeFees(procedure, { copies: input.copies, pagesPerCopy: input.pagesPerCopy, feeCodes: input.feeCodes });
      if (!r.ok) throw new AppError('VALIDATION', r.error);
      return { code: procedure.code, variantCode: procedure.variant?.code ?? null, ...r.value };
    },
  };
}
