import type { PostalCodeKind } from './postal-code';

export type HandoverDirection = 'IN' | 'OUT';
export type HandoverState = 'open' | 'closed';
/** IN items: pending → received (a dossier) | incomplete (Mẫu 02). OUT items: returned. */
export type ItemOutcome = 'pending' | 'received' | 'incomplete' | 'returned';
export type SealCondition = 'intact' | 'damaged';

/** Name of the postal fee line appended to a dossier's fees when its result leaves by post. */
export const POSTAL_FEE_LINE_NAME = 'Cước bưu chính';

export interface HandoverCounts {
  items: number;
  pending: number;
  received: number;
  incomplete: number;
  returned: number;
  sets: number;
  /** Sum of postal fees, whole đồng (OUT). */
  postalFees: number;
}

export interface HandoverSummary {
  id: string;
  number: string;
  direction: HandoverDirection;
  state: HandoverState;
  employeeName: string;
  employeePhone: string | null;
  postOffice: string;
  clerkName: string;
  openedAt: string;
  closedAt: string | null;
  /** The slip archived when the hand-over was closed (reprints come from the printing history). */
  slipDocumentId: string | null;
  note: string | null;
  counts: HandoverCounts;
}

export interface HandoverItemView {
  id: string;
  idx: number;
  postalCode: string;
  codeKind: PostalCodeKind;
  seal: SealCondition;
  sealNote: string | null;
  sets: number;
  outcome: ItemOutcome;
  postalFee: number;
  note: string | null;
  dossierId: string | null;
  dossierCode: string | null;
  /** Owner of the dossier, or the applicant named on the Mẫu 02 of an incomplete item. */
  ownerName: string | null;
  procedureName: string | null;
  /** The Mẫu 02 (intake outcome) of an incomplete item: print subject of the supplement request. */
  outcomeId: string | null;
  returnsItemId: string | null;
  addedAt: string;
  decidedAt: string | null;
}

export interface HandoverView extends HandoverSummary {
  items: HandoverItemView[];
}

/** Something waiting to leave by post: a ready result, or an incomplete postal dossier with its Mẫu 02. */
export interface OutboundCandidate {
  kind: 'result' | 'supplementReturn';
  /** dossierId for a result, inboundItemId for a return: unique in the list. */
  key: string;
  dossierId: string | null;
  inboundItemId: string | null;
  dossierCode: string | null;
  ownerName: string;
  procedureName: string;
  sets: number;
  deliveryAddress: string | null;
  finishedAt: string | null;
  /** The code the dossier came in under (postal intake), for reference. */
  inboundPostalCode: string | null;
}
