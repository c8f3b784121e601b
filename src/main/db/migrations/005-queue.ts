import type { Migration } from './index';

/**
 * The queue: service groups, counters, tickets with their state log, ratings, and the per-day
 * number ledger. Times are ISO 8601 with +07:00 (string order = time order); business_date is
 * the local day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'.
 */
export const m005Queue: Migration = {
  version: 5,
  name: 'queue: service groups, counters, tickets, ratings, daily number ledger',
  up(db) {
    db.exec(`
      CREATE TABLE queue_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1 AND prefix BETWEEN 'A' AND 'Z'),
        range_start INTEGER NOT NULL CHECK (range_start BETWEEN 1 AND 9999),
        range_end INTEGER NOT NULL CHECK (range_end BETWEEN range_start AND 9999),
        daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap >= 1),
        priority_mode TEXT NOT NULL CHECK (priority_mode IN ('strict','interleave')),
        interleave_every INTEGER NOT NULL DEFAULT 3 CHECK (interleave_every BETWEEN 2 AND 20),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE queue_counters (
        number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE queue_counter_groups (
        counter_number INTEGER NOT NULL REFERENCES queue_counters(number) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES queue_groups(id),
        PRIMARY KEY (counter_number, group_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX queue_counter_groups_group ON queue_counter_groups(group_id);

      -- One row per ticket; a transfer ends the row ('transferred') and opens a new one with the
      -- same number and code (the citizen keeps the paper) and transferred_from pointing back.
      CREATE TABLE queue_tickets (
        id TEXT PRIMARY KEY,
        business_date TEXT NOT NULL,
        group_id TEXT NOT NULL REFERENCES queue_groups(id),
        number INTEGER NOT NULL,
        display_code TEXT NOT NULL,
        priority TEXT CHECK (priority IS NULL OR priority IN ('elderly','disabled','pregnant_or_small_child','merit')),
        state TEXT NOT NULL CHECK (state IN ('waiting','called','serving','done','no_show','transferred','cancelled')),
        target_counter INTEGER REFERENCES queue_counters(number),
        counter_number INTEGER REFERENCES queue_counters(number),
        clerk_id TEXT REFERENCES users(id),
        issued_at TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        called_at TEXT,
        last_called_at TEXT,
        call_count INTEGER NOT NULL DEFAULT 0,
        started_at TEXT,
        finished_at TEXT,
        transferred_from TEXT REFERENCES queue_tickets(id),
        dossier_code TEXT,
        print_status TEXT NOT NULL CHECK (print_status IN ('pending','printed','failed','not_printed')),
        print_error TEXT,
        source TEXT NOT NULL CHECK (source IN ('kiosk','counter'))
      ) STRICT;
      -- "Call next": the waiting tickets of a group today, oldest first.
      CREATE INDEX queue_tickets_waiting ON queue_tickets(business_date, group_id, issued_at) WHERE state = 'waiting';
      -- The ticket a counter is calling or serving.
      CREATE INDEX queue_tickets_active ON queue_tickets(counter_number) WHERE state IN ('called','serving');
      -- Interleaving (calls per group since the last priority call) and statistics by day.
      CREATE INDEX queue_tickets_calls ON queue_tickets(business_date, group_id, called_at);
      -- Board: latest calls; console: what a counter handled today.
      CREATE INDEX queue_tickets_last_call ON queue_tickets(business_date, last_called_at);
      CREATE INDEX queue_tickets_counter_day ON queue_tickets(counter_number, business_date, last_called_at);
      -- Wait estimate: recent service times of a group.
      CREATE INDEX queue_tickets_done ON queue_tickets(group_id, finished_at) WHERE state = 'done';
      CREATE INDEX queue_tickets_transferred_from ON queue_tickets(transferred_from) WHERE transferred_from IS NOT NULL;

      CREATE TABLE queue_ticket_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        counter_number INTEGER,
        clerk_id TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX queue_ticket_log_ticket ON queue_ticket_log(ticket_id, id);

      CREATE TABLE queue_ratings (
        id TEXT PRIMARY KEY,
        ticket_id TEXT UNIQUE REFERENCES queue_tickets(id),
        business_date TEXT NOT NULL,
        counter_number INTEGER,
        clerk_id TEXT REFERENCES users(id),
        dossier_code TEXT,
        level INTEGER NOT NULL CHECK (level IN (1,2,3)),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX queue_ratings_day ON queue_ratings(business_date);

      -- Number allocation, per group per local business day: the last number handed out and how
      -- many were; and a ledger of every number handed out, so a number is never reused that day
      -- (not even after the range wraps around).
      CREATE TABLE queue_day_counters (
        business_date TEXT NOT NULL,
        group_id TEXT NOT NULL REFERENCES queue_groups(id),
        last_number INTEGER NOT NULL,
        issued INTEGER NOT NULL,
        PRIMARY KEY (business_date, group_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE queue_numbers (
        business_date TEXT NOT NULL,
        group_id TEXT NOT NULL REFERENCES queue_groups(id),
        number INTEGER NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
        UNIQUE (business_date, group_id, number)
      ) STRICT;
    `);
  },
};
