import { mutate } from '../audit/audit-log';
import { instantToLocalDate } from '../../shared/domain/provincial-time';

/** Queue writes use the common mutation path (rows + audit in one BEGIN IMMEDIATE transaction). */
export const mutateQueue = mutate;

/** The local business day (Asia/Ho_Chi_Minh) of an instant: the UTC date flips at 07:00 local. */
export function businessDate(at: Date): string {
  return instantToLocalDate(at);
}
