import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { getOfficeSettings } from '../settings/settings-store';
import { getPrinterSettings, getQueueOptions, listCounters, listGroups, saveCounter, saveGroup, setPrinterSettings, setQueueOptions } from './queue-config';
import { issueAndPrint, reprintTicket, testPrintQueue } from './queue-issue';
import { getTicket, queryTickets } from './queue-rows';
import { callNext, callTicket, cancelTicket, finishService, linkDossier, noShow, recall, startService, transfer } from './queue-service';
import { rate } from './queue-ratings';
import { queueStats } from './queue-stats';
import { exportQueueStats } from './queue-export';
import { boardView, consoleView, rateTargetView } from './queue-board';
import { businessDate } from './queue-tx';
import type { queueContract } from '../../shared/api/queue-contract';

type QueueMethods = keyof typeof queueContract;

export function createQueueHandlers(app: AppContext): Pick<HandlerMap, QueueMethods> {
  const changedConfig = (reason: string) => app.events.emit('queue.changed', { reason });
  return {
    'queue.config': () => ({
      groups: listGroups(app.db),
      counters: listCounters(app.db),
      printer: getPrinterSettings(app.db),
      options: getQueueOptions(app.db),
      agencyName: getOfficeSettings(app.db)?.agencyName ?? '',
    }),
    'queue.saveGroup': (input, caller) => {
      const g = saveGroup(app, caller, input);
      changedConfig('config');
      return g;
    },
    'queue.saveCounter': (input, caller) => {
      const c = saveCounter(app, caller, input);
      changedConfig('config');
      return c;
    },
    'queue.setPrinter': (input, caller) => setPrinterSettings(app, caller, input),
    'queue.setOptions': (input, caller) => {
      const o = setQueueOptions(app, caller, input);
      changedConfig('config');
      return o;
    },
    'queue.testPrint': (input) => testPrintQueue(app, input),
    'queue.issue': (input, caller) => issueAndPrint(app, caller, input),
    'queue.reprint': (input, caller) => reprintTicket(app, caller, input.ticketId),
    'queue.ticket': (input) => getTicket(app.db, input.ticketId),
    'queue.list': (input) => {
      const date = input.date ?? businessDate(app.clock.now());
      const states = input.states?.length ? input.states : null;
      return queryTickets(
        app.db,
        `t.business_date = ?${states ? ` AND t.state IN (${states.map(() => '?').join(',')})` : ''}`,
        [date, ...(states ?? [])],
        'ORDER BY t.issued_at, t.queued_at LIMIT 2000',
      );
    },
    'queue.console': (input) => consoleView(app, input.counterNumber),
    'queue.callNext': (input, caller) => callNext(app, caller, input.counterNumber),
    'queue.callTicket': (input, caller) => callTicket(app, caller, input.counterNumber, input.ticketId),
    'queue.recall': (input, caller) => recall(app, caller, input.counterNumber, input.ticketId),
    'queue.noShow': (input, caller) => noShow(app, caller, input.counterNumber, input.ticketId),
    'queue.start': (input, caller) => startService(app, caller, input.counterNumber, input.ticketId),
    'queue.finish': (input, caller) => finishService(app, caller, input.counterNumber, input.ticketId),
    'queue.transfer': (input, caller) => transfer(app, caller, input.counterNumber, input.ticketId, { groupId: input.toGroupId, counterNumber: input.toCounterNumber }),
    'queue.cancel': (input, caller) => cancelTicket(app, caller, input.ticketId),
    'queue.linkDossier': (input, caller) => linkDossier(app, caller, input.ticketId, input.dossierCode),
    'queue.rate': (input, caller) => rate(app, caller, input),
    'queue.rateTarget': (input) => rateTargetView(app, input.counterNumber),
    'queue.stats': (input) => queueStats(app.db, input.from, input.to),
    'queue.exportStats': async (input) => {
      try {
        return await exportQueueStats(app, input.from, input.to);
      } catch (e) {
        if (e instanceof AppError) throw e;
        app.log.error('queue export failed', { error: e });
        throw new AppError('STORAGE', 'Không ghi được tệp Excel vào thư mục dữ liệu. Kiểm tra dung lượng và quyền ghi rồi thử lại.');
      }
    },
    'queue.board': () => boardView(app),
  };
}
