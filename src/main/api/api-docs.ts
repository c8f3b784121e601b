import { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { BOARD_EVENTS } from '../../shared/api/events';

function accessText(access: (typeof contract)[keyof typeof contract]['access']): string {
  if (access.kind === 'public') return 'công khai (không cần phiên)';
  const parts = access.roles.length ? [access.roles.join(', ')] : [];
  if (access.board) parts.push('bảng hiển thị (chỉ đọc)');
  if (access.kiosk) parts.push('ki-ốt');
  return parts.join('; ');
}

/**
 * docs/api.md is generated from the contract itself, so the published API cannot drift from the code:
 * a test regenerates it and compares with the committed file (`npm run docs:api` rewrites it).
 */
export function renderApiDocs(): string {
  const lines: string[] = [
    '# API công khai của máy chủ văn phòng / Office server public API',
    '',
    '<!-- Sinh tự động từ src/shared/api/*-contract.ts bằng `npm run docs:api`. Không sửa tay. -->',
    '',
    'Mọi lời gọi: `POST /api/<tên chức năng>` với thân JSON là dữ liệu vào, tiêu đề `Authorization: Bearer <mã phiên>` (trừ chức năng công khai).',
    'Trả lời luôn là `{ "ok": true, "value": ... }` hoặc `{ "ok": false, "error": { "code", "message", "fields"? } }` với thông điệp tiếng Việt.',
    'Mã HTTP: 200 thành công; 400 dữ liệu sai; 401 chưa đăng nhập; 403 không có quyền hoặc nguồn (Origin) lạ; 404 chức năng không tồn tại;',
    '409 trạng thái không cho phép; 413 quá 1 MB; 423 tài khoản tạm khoá; 429 quá nhiều lần; 500 lỗi nội bộ; 507 đĩa đầy / chỉ đọc.',
    '',
    'Sự kiện: WebSocket `GET /api/events`; tin nhắn đầu tiên của máy khách là `{"token": "<mã phiên>"}` (mã không bao giờ nằm trong URL).',
    `Bảng hiển thị (mã thiết bị chỉ đọc) và ki-ốt chỉ nhận: ${BOARD_EVENTS.map((e) => '`' + e + '`').join(', ')}.`,
    'Thiết bị ghép nối (bảng hiển thị, ki-ốt) gửi mã thiết bị như mã phiên; máy quầy đã ghép nối gửi thêm tiêu đề `X-Motcua-Device: <mã thiết bị>`. Màn hình đang khoá trả 423 cho mọi chức năng trừ mở khoá / đăng xuất.',
    '',
  ];
  const names = Object.keys(contract).sort();
  lines.push('| Chức năng | Quyền | Mô tả |', '|---|---|---|');
  for (const name of names) {
    const spec = contract[name as keyof typeof contract];
    lines.push(`| [\`${name}\`](#${name.replace(/\./g, '')}) | ${accessText(spec.access)} | ${spec.summary} |`);
  }
  lines.push('');
  for (const name of names) {
    const spec = contract[name as keyof typeof contract];
    const schema = z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    lines.push(`## ${name}`, '', spec.summary, '', `Quyền: ${accessText(spec.access)}`, '', '```json', JSON.stringify(schema, null, 2), '```', '');
  }
  return lines.join('\n');
}
