import type { DossierStatus } from '../domain/status';

/**
 * Counter-side lifecycle actions on a received dossier, with the national status each one leads to
 * (TrangThaiHoSo). Each action is recorded as a step (who, when, what) that also feeds the control sheet
 * and the provincial progress sync.
 */
export const DOSSIER_ACTIONS = {
  transfer: { label: 'Chuyển xử lý', from: ['2'], to: '4' },
  requestSupplement: { label: 'Yêu cầu bổ sung hồ sơ', from: ['2', '4'], to: '5' },
  supplementReceived: { label: 'Nhận hồ sơ bổ sung', from: ['5'], to: '4' },
  financialObligation: { label: 'Yêu cầu thực hiện nghĩa vụ tài chính', from: ['4'], to: '6' },
  obligationFulfilled: { label: 'Đã thực hiện nghĩa vụ tài chính', from: ['6'], to: '4' },
  resultReady: { label: 'Có kết quả', from: ['2', '4', '6'], to: '9' },
  returned: { label: 'Trả kết quả', from: ['9'], to: '10' },
  withdraw: { label: 'Công dân rút hồ sơ', from: ['2', '4', '5', '6'], to: '7' },
  stop: { label: 'Dừng xử lý', from: ['4', '5', '6'], to: '8' },
} as const satisfies Record<string, { label: string; from: readonly DossierStatus[]; to: DossierStatus }>;

export type DossierAction = keyof typeof DOSSIER_ACTIONS;
export const DOSSIER_ACTION_NAMES = Object.keys(DOSSIER_ACTIONS) as DossierAction[];

/** Statuses after which nothing more happens to the dossier at the counter. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['3', '7', '8', '10'];
/** Statuses in which the processing clock runs (overdue detection applies). */
export const OPEN_STATUSES: readonly DossierStatus[] = ['2', '4', '6'];

export function canApply(action: DossierAction, status: DossierStatus): boolean {
  return (DOSSIER_ACTIONS[action].from as readonly string[]).includes(status);
}

/** Actions a clerk may take from a status, in menu order. */
export function availableActions(status: DossierStatus): DossierAction[] {
  return DOSSIER_ACTION_NAMES.filter((a) => canApply(a, status));
}

/** Statuses never move backwards in a merge with the server: a rank per status for that comparison. */
export const STATUS_RANK: Readonly<Record<DossierStatus, number>> = {
  '1': 0, '2': 1, '4': 2, '5': 2, '6': 2, '9': 3, '3': 4, '7': 4, '8': 4, '10': 5,
};
