import { z } from 'zod';
import { ADMINS, ANY_USER, method } from './define';
import {
  durationSchema,
  procedureDocumentSchema,
  procedureFeeSchema,
  type Procedure,
  type ProcedureDocument,
  type ProcedureDuration,
  type ProcedureFee,
} from '../catalog/procedure';
import type { FeeLine } from '../catalog/fees';

// ---------------------------------------------------------------- views

export type ProcedureSource = 'sample' | 'import' | 'provincial' | 'admin';

/** One line of a procedure list (intake picker, catalog settings). */
export interface ProcedureSummary {
  code: string;
  localCode: string | null;
  name: string;
  fieldName: string;
  level: Procedure['level'];
  inForce: boolean;
  /** Effective duration (the administrator's edit when there is one). */
  duration: ProcedureDuration;
  source: ProcedureSource;
  /** True when the administrator changed fees, duration or documents locally. */
  overridden: boolean;
  usageCount: number;
}

/** The administrator's local edits; each present field replaces the source's list or value. */
export interface ProcedureOverrides {
  fees?: ProcedureFee[];
  duration?: ProcedureDuration;
  documents?: ProcedureDocument[];
}

export interface ProcedureDetail {
  /** What the counter uses: the source with the overrides applied. */
  procedure: Procedure;
  /** As the sample file, import or province last delivered it. */
  original: Procedure;
  overrides: ProcedureOverrides;
  source: ProcedureSource;
  usageCount: number;
  updatedAt: string;
}

/** A problem in an imported file; `sheet` for spreadsheets, row 0 = the whole file. */
export interface CatalogImportProblem {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

export interface CatalogMergeSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Procedures marked withdrawn by this import (kept for old dossiers, hidden from intake). */
  withdrawn: string[];
  /** Updated procedures whose local edits still apply over the new source. */
  keptOverrides: string[];
}

export type CatalogImportOutcome =
  | ({ accepted: true; fileName: string } & CatalogMergeSummary)
  | { accepted: false; fileName: string; errors: CatalogImportProblem[] };

export interface FeeQuote {
  code: string;
  /** The case priced (its own fee lines); null for a procedure without variants. */
  variantCode: string | null;
  lines: FeeLine[];
  total: number;
}

// ---------------------------------------------------------------- inputs

export const procedureCodeSchema = z
  .string()
  .trim()
  .regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng d.dddddd (ví dụ 1.001193)');

/** Case (trường hợp) of a procedure with variants; the default case when absent. */
export const variantCodeSchema = z.string().trim().toUpperCase().min(1, 'Thiếu mã trường hợp').max(30, 'Mã trường hợp tối đa 30 ký tự');

const counterNumberSchema = z.number().int().min(1, 'Số quầy từ 1').max(99, 'Số quầy tối đa 99');

/** Files up to about 7 MB (base64 is 4/3 of the file); the LAN server's own body limit is lower. */
const MAX_BASE64_CHARS = 10_000_000;

export const catalogContract = {
  'catalog.search': method<ProcedureSummary[]>()({
    input: z
      .object({
        query: z.string().max(200, 'Từ khoá tối đa 200 ký tự').optional(),
        includeWithdrawn: z.boolean().optional(),
        counterNumber: counterNumberSchema.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Tìm thủ tục theo tên hoặc mã, không phân biệt dấu; thủ tục dùng nhiều xếp trước, thủ tục đã bãi bỏ bị ẩn trừ khi yêu cầu.',
  }),
  'catalog.get': method<ProcedureDetail>()({
    input: z.object({ code: procedureCodeSchema }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Chi tiết một thủ tục (kể cả đã bãi bỏ): thành phần hồ sơ, phí, thời hạn, và phần quản trị đã sửa.',
  }),
  'catalog.update': method<ProcedureDetail>()({
    input: z
      .object({
        code: procedureCodeSchema,
        fees: z.array(procedureFeeSchema).nullable().optional(),
        duration: durationSchema.nullable().optional(),
        documents: z.array(procedureDocumentSchema).nullable().optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Sửa tại chỗ phí, thời hạn, thành phần hồ sơ của một thủ tục (giữ nguyên khi nhập lại danh mục); null = trả về theo nguồn.',
  }),
  'catalog.import': method<CatalogImportOutcome>()({
    input: z
      .object({
        fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp quá dài'),
        contentBase64: z
          .string()
          .min(1, 'Tệp rỗng')
          .max(MAX_BASE64_CHARS, 'Tệp quá lớn (tối đa khoảng 7 MB)')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không phải base64'),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Nhập danh mục từ tệp .json hoặc .xlsx: tệp có lỗi bị từ chối toàn bộ kèm danh sách mọi dòng sai; tệp hợp lệ được gộp theo mã.',
  }),
  'catalog.getCounterProcedures': method<{ counterNumber: number; codes: string[] }>()({
    input: z.object({ counterNumber: counterNumberSchema }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Các thủ tục được chọn cho một quầy (rỗng = quầy nhận mọi thủ tục).',
  }),
  'catalog.setCounterProcedures': method<{ counterNumber: number; codes: string[] }>()({
    input: z.object({ counterNumber: counterNumberSchema, codes: z.array(procedureCodeSchema).max(2000) }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Chọn các thủ tục một quầy tiếp nhận; danh sách rỗng = mọi thủ tục.',
  }),
  'catalog.fees': method<FeeQuote>()({
    input: z
      .object({
        code: procedureCodeSchema,
        variantCode: variantCodeSchema.optional(),
        copies: z.number().int().min(1, 'Số bản từ 1').max(999, 'Số bản tối đa 999').optional(),
        pagesPerCopy: z.number().int().min(1, 'Số trang từ 1').max(10_000, 'Số trang tối đa 10.000').optional(),
        feeCodes: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Tính phí, lệ phí của một thủ tục (theo trường hợp, mặc định là trường hợp mặc định) theo số bản và số trang; các khoản loại trừ nhau chỉ tính một khoản (mặc định hoặc khoản được chọn).',
  }),
};
