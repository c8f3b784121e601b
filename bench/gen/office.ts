/**
 * The installation the generated history lives in: office settings, users, the sample catalog,
 * queue groups and counters. Written into the same tables the setup path fills, with ids, salts
 * and timestamps drawn from the seed so that the database is reproducible.
 */
import type { AppContext } from '../../src/main/app/app-context';
import { isoLocal } from '../../src/main/app/clock';
import type { Db } from '../../src/main/db/database';
import { hashPassword } from '../../src/main/users/passwords';
import { OFFICE_DEFAULTS, setSetting } from '../../src/main/settings/settings-store';
import { ensureCatalogSeeded } from '../../src/main/catalog/catalog-service';
import { Rng, uuidV7 } from './rng';
import { AUDIT_INSERT, auditRow } from './audit-row';

export const BENCH_AGENCY = {
  agencyId: '000.00.06.H56',
  agencyName: 'Bộ phận Một cửa UBND phường Ba Đình',
  parentAgencyName: 'UBND phường Ba Đình',
  receivingPointName: 'Bộ phận tiếp nhận và trả kết quả phường Ba Đình',
  place: 'Ba Đình',
  counterNumber: 1,
};

/** Passwords of the generated accounts (a benchmark database, never a real office). */
export const BENCH_PASSWORDS = { admin: 'matkhau-quantri-1', supervisor: 'matkhau-truong-1', clerk: 'matkhau-canbo-1' };

/** An office this busy (~800 dossiers a working day at 1,000,000 over five years) staffs 20 counters. */
export const COUNTERS = 20;

export interface UserSpec {
  id: string;
  username: string;
  fullName: string;
  role: 'admin' | 'supervisor' | 'clerk';
  counter: number | null;
}

export interface GroupSpec {
  id: string;
  key: 'A' | 'B' | 'C';
  name: string;
  counters: number[];
}

export interface Office {
  users: UserSpec[];
  clerks: UserSpec[];
  groups: GroupSpec[];
  audit: AuditChain;
}

/** Appends audit entries to the chain (see audit-row.ts), keeping its last hash in memory. */
export class AuditChain {
  private readonly insert;
  prev = '';
  count = 0;
  constructor(private readonly db: Db) {
    this.insert = db.prepare(AUDIT_INSERT);
    this.resync();
  }
  /** Re-reads the chain's tail after the app itself wrote entries (catalog seeding). */
  resync(): void {
    this.prev = (this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
  }
  write(at: string, actor: string | null, device: string, action: string, entity: string | null, entityId: string | null, detail: Record<string, unknown> | null): void {
    const row = auditRow(this.prev, at, actor, device, action, entity, entityId, detail);
    this.insert.run(...row.values);
    this.prev = row.hash;
    this.count++;
  }
}

const CLERK_NAMES = [
  'Trần Thị Cán Bộ', 'Nguyễn Văn Hưng', 'Lê Thị Mai', 'Phạm Minh Tuấn', 'Hoàng Thu Hà', 'Vũ Đức Thắng', 'Đặng Thị Lan', 'Bùi Quang Huy',
  'Đỗ Thị Hằng', 'Ngô Văn Long', 'Dương Thị Thảo', 'Phan Văn Khoa', 'Hồ Thị Ngọc', 'Võ Minh Đức', 'Huỳnh Thị Yến', 'Lý Văn Sơn',
  'Trịnh Thị Hoa', 'Đinh Công Thành', 'Mai Thị Phương', 'Cao Văn Nam',
];

/** Settings, users, catalog and queue configuration, as of `at` (the first day of the history). */
export function setUpOffice(app: AppContext, seed: number, at: Date): Office {
  const db = app.db;
  const rng = new Rng(seed, 1);
  const atIso = isoLocal(at);
  const ms = at.getTime();
  const audit = new AuditChain(db);
  const office = { ...OFFICE_DEFAULTS, ...BENCH_AGENCY };
  const users: UserSpec[] = [];
  // One scrypt per password (~0.1 s each): the clerks share theirs, salt included.
  const hashes = new Map<string, { hash: string; salt: string }>();
  db.transaction(() => {
    setSetting(db, 'office', office);
    const add = (username: string, fullName: string, role: UserSpec['role'], counter: number | null, password: string) => {
      if (!hashes.has(password)) hashes.set(password, hashPassword(password, rng.digits(32)));
      const { hash, salt } = hashes.get(password)!;
      const u: UserSpec = { id: uuidV7(rng, ms), username, fullName, role, counter };
      db.prepare('INSERT INTO users (id, username, full_name, role, password_hash, password_salt, counter_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        u.id, username, fullName, role, hash, salt, counter, atIso,
      );
      users.push(u);
      audit.write(atIso, role === 'admin' ? null : 'quantri', 'ipc', role === 'admin' ? 'system.setup' : 'users.create', role === 'admin' ? 'settings' : 'user', role === 'admin' ? null : u.id, role === 'admin' ? { agencyId: office.agencyId } : { role });
    };
    add('quantri', 'Nguyễn Quản Trị', 'admin', 1, BENCH_PASSWORDS.admin);
    add('truongbp', 'Lê Văn Trưởng', 'supervisor', null, BENCH_PASSWORDS.supervisor);
    for (let i = 1; i <= COUNTERS; i++) add(`canbo${i}`, CLERK_NAMES[i - 1], 'clerk', i, BENCH_PASSWORDS.clerk);
  })();

  // The catalog goes in through its own seeding path (the sample file), as in a new installation.
  ensureCatalogSeeded(app);
  audit.resync();

  const groups: GroupSpec[] = [
    { id: uuidV7(rng, ms), key: 'A', name: 'Hộ tịch', counters: [1, 2, 3, 4, 5, 6, 7] },
    { id: uuidV7(rng, ms), key: 'B', name: 'Chứng thực', counters: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18] },
    { id: uuidV7(rng, ms), key: 'C', name: 'Kinh doanh, đất đai, xây dựng', counters: [19, 20] },
  ];
  db.transaction(() => {
    groups.forEach((g, i) => {
      db.prepare(
        `INSERT INTO queue_groups (id, name, prefix, range_start, range_end, daily_cap, priority_mode, interleave_every, active, sort_order, created_at, updated_at)
         VALUES (?, ?, ?, 1, 999, NULL, 'interleave', 3, 1, ?, ?, ?)`,
      ).run(g.id, g.name, g.key, i, atIso, atIso);
    });
    for (let n = 1; n <= COUNTERS; n++) {
      db.prepare('INSERT INTO queue_counters (number, name, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)').run(n, `Quầy ${n}`, atIso, atIso);
    }
    for (const g of groups) for (const c of g.counters) db.prepare('INSERT INTO queue_counter_groups (counter_number, group_id) VALUES (?, ?)').run(c, g.id);
    audit.write(atIso, 'quantri', 'ipc', 'queue.config', 'queue', null, { groups: groups.length, counters: COUNTERS });
  })();
  return { users, clerks: users.filter((u) => u.role === 'clerk'), groups, audit };
}
