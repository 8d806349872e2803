/// Version 1 of the workspace schema. Money is INTEGER minor units beside a currency code; dates
/// are `YYYY-MM-DD` text; `log` is the audit trail, and its ids name the imports, matches and
/// exports that other rows point to.
enum SchemaV1 {
    static let sql = """
        CREATE TABLE log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,              -- UTC, ISO 8601
            user TEXT NOT NULL,
            command TEXT NOT NULL,         -- import invoices | import bank | match | decide | export | init
            file TEXT,
            sha256 TEXT,
            counts TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE items (
            invoice_id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            customer_name TEXT,
            type TEXT NOT NULL,
            currency TEXT NOT NULL,
            amount INTEGER NOT NULL,
            open_amount INTEGER NOT NULL,
            initial_open INTEGER NOT NULL, -- open amount as imported; open = initial - settled since
            invoice_date TEXT NOT NULL,
            due_date TEXT,
            cash_discount TEXT NOT NULL DEFAULT '',
            discount_taken INTEGER NOT NULL DEFAULT 0,
            reference TEXT,
            customer_iban TEXT,
            origin_file TEXT,
            origin_line INTEGER,
            source_entry_id TEXT,          -- a customer credit recon created from this transaction
            log INTEGER NOT NULL REFERENCES log(id)
        );
        CREATE INDEX items_open ON items(open_amount) WHERE open_amount <> 0;
        CREATE INDEX items_credits ON items(source_entry_id) WHERE source_entry_id IS NOT NULL;

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            log INTEGER NOT NULL REFERENCES log(id),
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            format TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            account TEXT NOT NULL,
            currency TEXT,
            opening INTEGER,
            opening_date TEXT,
            closing INTEGER,
            closing_date TEXT,
            first_booking TEXT,
            last_booking TEXT,
            entries INTEGER NOT NULL
        );
        CREATE INDEX statements_account ON statements(account, statement_id);

        CREATE TABLE transactions (
            id INTEGER PRIMARY KEY,        -- import order
            entry_id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            statement INTEGER REFERENCES statements(id),
            log INTEGER NOT NULL REFERENCES log(id),
            bank_ref TEXT,
            account TEXT NOT NULL,
            amount INTEGER NOT NULL,
            currency TEXT NOT NULL,
            booking_date TEXT NOT NULL,
            value_date TEXT,
            status TEXT NOT NULL,
            is_reversal INTEGER NOT NULL,
            end_to_end_id TEXT,
            structured_ref TEXT,
            payer_name TEXT,
            payer_iban TEXT,
            text TEXT NOT NULL,
            origin_file TEXT NOT NULL,
            origin_line INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'new', -- new | settled | exception | other | suspense | ignored
            other_kind TEXT,
            reason TEXT,
            match_log INTEGER REFERENCES log(id)
        );
        CREATE INDEX transactions_unsettled ON transactions(state) WHERE state IN ('new', 'exception');

        CREATE TABLE exceptions (
            exception_id TEXT NOT NULL UNIQUE,
            entry_id TEXT NOT NULL REFERENCES transactions(entry_id),
            kind TEXT NOT NULL,
            candidates TEXT NOT NULL,      -- one line per candidate: ids TAB score TAB criteria
            reason TEXT NOT NULL,
            suggested_action TEXT NOT NULL,
            is_settled INTEGER NOT NULL,
            decision TEXT,                 -- set for an ignored exception, which stays on record
            decision_note TEXT,
            match_log INTEGER NOT NULL REFERENCES log(id)
        );
        CREATE INDEX exceptions_entry ON exceptions(entry_id);

        CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            log INTEGER NOT NULL REFERENCES log(id),
            directory TEXT NOT NULL,
            vouchers INTEGER NOT NULL
        );

        CREATE TABLE vouchers (
            id INTEGER PRIMARY KEY,        -- the voucher number
            entry_id TEXT NOT NULL,
            date TEXT NOT NULL,
            currency TEXT NOT NULL,
            match_log INTEGER NOT NULL REFERENCES log(id),
            export INTEGER REFERENCES exports(id)
        );
        CREATE INDEX vouchers_unexported ON vouchers(export) WHERE export IS NULL;
        CREATE INDEX vouchers_export ON vouchers(export);

        CREATE TABLE journal_lines (
            voucher INTEGER NOT NULL REFERENCES vouchers(id),
            line INTEGER NOT NULL,
            account TEXT NOT NULL,
            amount INTEGER NOT NULL,       -- debit positive, credit negative
            customer_id TEXT,
            invoice_id TEXT,
            text TEXT NOT NULL,
            PRIMARY KEY (voucher, line)
        ) WITHOUT ROWID;

        CREATE TABLE settlements (
            id INTEGER PRIMARY KEY,
            voucher INTEGER NOT NULL REFERENCES vouchers(id),
            entry_id TEXT NOT NULL,
            bank_ref TEXT,
            booking_date TEXT NOT NULL,
            invoice_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            paid INTEGER NOT NULL,
            cash_discount INTEGER NOT NULL,
            write_off INTEGER NOT NULL,
            open_before INTEGER NOT NULL,
            open_after INTEGER NOT NULL,
            kind TEXT NOT NULL,
            rule TEXT NOT NULL,
            match_log INTEGER NOT NULL REFERENCES log(id)
        );
        CREATE INDEX settlements_invoice ON settlements(invoice_id);
        CREATE INDEX settlements_voucher ON settlements(voucher);

        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            log INTEGER NOT NULL REFERENCES log(id),
            exception_id TEXT NOT NULL,
            exception_kind TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            decision TEXT NOT NULL,
            invoice_ids TEXT NOT NULL,
            note TEXT,
            decided_by TEXT,
            decided_at TEXT,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            outcome TEXT NOT NULL
        );
        """
}
