import GRDB

extension SupportDatabase {
    /// The schema, one migration per released version. Never edit a registered migration: add the
    /// next one ("v2", …).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tickets (
                        id INTEGER PRIMARY KEY,
                        public_id TEXT NOT NULL UNIQUE,
                        session TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        lang TEXT NOT NULL,
                        intent TEXT NOT NULL,
                        priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
                        priority_rank INTEGER NOT NULL,
                        status TEXT NOT NULL DEFAULT 'open'
                            CHECK (status IN ('open', 'claimed', 'resolved', 'escalated')),
                        assignee TEXT,
                        fields TEXT NOT NULL DEFAULT '{}',
                        approximate_fields TEXT NOT NULL DEFAULT '[]',
                        missing_fields TEXT NOT NULL DEFAULT '[]',
                        summary TEXT NOT NULL DEFAULT '',
                        secret_exposed BOOLEAN NOT NULL DEFAULT 0,
                        transcript_through INTEGER NOT NULL DEFAULT 0,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL
                    );
                    CREATE INDEX tickets_by_queue_order ON tickets (status, priority_rank DESC, created_at, id);
                    CREATE INDEX tickets_by_session ON tickets (session);

                    CREATE TABLE ticket_events (
                        id INTEGER PRIMARY KEY,
                        ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('created', 'claimed', 'resolved', 'escalated', 'note')),
                        note TEXT
                    );
                    CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);

                    CREATE TABLE messages (
                        id INTEGER PRIMARY KEY,
                        session TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        at DATETIME NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('user', 'bot')),
                        channel TEXT NOT NULL,
                        text TEXT NOT NULL,
                        UNIQUE (session, seq)
                    );

                    CREATE TABLE sessions (
                        id TEXT PRIMARY KEY,
                        state TEXT NOT NULL,
                        updated_at DATETIME NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
