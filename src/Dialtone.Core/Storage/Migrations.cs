namespace Dialtone.Core.Storage;

/// <summary>
/// The store schema, as the list of steps that build it. Never edit a released step: add a new
/// one. docs/store-schema.md describes the result.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "tickets and subtasks", """
            CREATE TABLE tickets (
                name        VARCHAR PRIMARY KEY,
                description VARCHAR NOT NULL,
                branch      VARCHAR NOT NULL,
                base_branch VARCHAR,
                base_commit VARCHAR,
                parent      VARCHAR,
                status      VARCHAR NOT NULL,
                created_at  TIMESTAMP NOT NULL,
                updated_at  TIMESTAMP NOT NULL,
                revision    BIGINT NOT NULL
            );
            CREATE INDEX tickets_branch ON tickets (branch);
            CREATE TABLE subtasks (
                ticket       VARCHAR NOT NULL,
                name         VARCHAR NOT NULL,
                position     INTEGER NOT NULL,
                description  VARCHAR NOT NULL,
                conditions   VARCHAR NOT NULL,
                test_command VARCHAR,
                status       VARCHAR NOT NULL,
                deps         VARCHAR NOT NULL,
                created_at   TIMESTAMP NOT NULL,
                updated_at   TIMESTAMP NOT NULL,
                started_at   TIMESTAMP,
                PRIMARY KEY (ticket, name)
            );
            """),
        new(2, "runs, attestations, validations, messages, log, summaries, tips", """
            CREATE SEQUENCE run_ids START 1;
            CREATE TABLE runs (
                id            BIGINT PRIMARY KEY DEFAULT nextval('run_ids'),
                ticket        VARCHAR NOT NULL,
                subtask       VARCHAR NOT NULL,
                kind          VARCHAR NOT NULL,
                command       VARCHAR NOT NULL,
                exit_code     INTEGER NOT NULL,
                timed_out     BOOLEAN NOT NULL,
                duration_ms   BIGINT NOT NULL,
                tree_before   VARCHAR NOT NULL,
                tree_after    VARCHAR NOT NULL,
                passed        BOOLEAN NOT NULL,
                touched       VARCHAR NOT NULL,
                left_untracked VARCHAR NOT NULL,
                regression    BOOLEAN NOT NULL,
                output        VARCHAR NOT NULL,
                output_digest VARCHAR NOT NULL,
                output_bytes  BIGINT NOT NULL,
                started_at    TIMESTAMP NOT NULL
            );
            CREATE INDEX runs_subtask ON runs (ticket, subtask);
            CREATE TABLE attestations (
                ticket        VARCHAR NOT NULL,
                seq           INTEGER NOT NULL,
                subtask       VARCHAR NOT NULL,
                command       VARCHAR NOT NULL,
                exit_code     INTEGER NOT NULL,
                duration_ms   BIGINT NOT NULL,
                tree          VARCHAR NOT NULL,
                output_digest VARCHAR NOT NULL,
                signed_at     TIMESTAMP NOT NULL,
                signer        VARCHAR NOT NULL,
                prev_hash     VARCHAR NOT NULL,
                hash          VARCHAR NOT NULL,
                PRIMARY KEY (ticket, seq)
            );
            CREATE TABLE validations (
                ticket        VARCHAR PRIMARY KEY,
                tree          VARCHAR NOT NULL,
                validated_at  TIMESTAMP NOT NULL,
                passed        BOOLEAN NOT NULL,
                results       VARCHAR NOT NULL,
                prev_hash     VARCHAR NOT NULL,
                hash          VARCHAR NOT NULL
            );
            CREATE SEQUENCE message_ids START 1;
            CREATE TABLE messages (
                id            BIGINT PRIMARY KEY DEFAULT nextval('message_ids'),
                ticket        VARCHAR NOT NULL,
                question      VARCHAR NOT NULL,
                blocking      BOOLEAN NOT NULL,
                asked_at      TIMESTAMP NOT NULL,
                asked_by      VARCHAR NOT NULL,
                answer        VARCHAR,
                answered_at   TIMESTAMP,
                answered_by   VARCHAR,
                acked_at      TIMESTAMP,
                ack_note      VARCHAR
            );
            CREATE SEQUENCE log_ids START 1;
            CREATE TABLE log (
                id            BIGINT PRIMARY KEY DEFAULT nextval('log_ids'),
                ticket        VARCHAR NOT NULL,
                logged_at     TIMESTAMP NOT NULL,
                kind          VARCHAR NOT NULL,
                subtask       VARCHAR,
                text          VARCHAR NOT NULL
            );
            CREATE TABLE summaries (
                ticket        VARCHAR NOT NULL,
                written_at    TIMESTAMP NOT NULL,
                text          VARCHAR NOT NULL
            );
            CREATE TABLE tips (
                ticket        VARCHAR NOT NULL,
                written_at    TIMESTAMP NOT NULL,
                author        VARCHAR NOT NULL,
                text          VARCHAR NOT NULL
            );
            """),
        new(3, "design-doc alerts: alerts, doc baselines, scans, blobs, watches", """
            CREATE SEQUENCE alert_ids START 1;
            CREATE TABLE alerts (
                id            BIGINT PRIMARY KEY DEFAULT nextval('alert_ids'),
                ticket        VARCHAR NOT NULL,
                kind          VARCHAR NOT NULL,
                stream        VARCHAR,
                path          VARCHAR,
                from_blob     VARCHAR,
                to_blob       VARCHAR,
                base_ref      VARCHAR,
                changed_at    TIMESTAMP NOT NULL,
                author        VARCHAR,
                commit_id     VARCHAR,
                subject       VARCHAR,
                changes       VARCHAR NOT NULL,
                source        VARCHAR,
                level         VARCHAR NOT NULL,
                text          VARCHAR,
                raised_at     TIMESTAMP NOT NULL,
                updated_at    TIMESTAMP NOT NULL,
                acked_at      TIMESTAMP,
                ack_note      VARCHAR
            );
            CREATE INDEX alerts_ticket ON alerts (ticket);
            CREATE TABLE doc_baselines (
                ticket        VARCHAR NOT NULL,
                stream        VARCHAR NOT NULL,
                path          VARCHAR NOT NULL,
                blob          VARCHAR,
                acked_at      TIMESTAMP NOT NULL,
                PRIMARY KEY (ticket, stream, path)
            );
            CREATE TABLE doc_scans (
                ticket        VARCHAR PRIMARY KEY,
                base_tip      VARCHAR,
                scanned_at    TIMESTAMP NOT NULL
            );
            CREATE TABLE doc_blobs (
                blob          VARCHAR PRIMARY KEY,
                content       VARCHAR NOT NULL,
                stored_at     TIMESTAMP NOT NULL
            );
            CREATE TABLE doc_watches (
                pattern       VARCHAR PRIMARY KEY,
                mode          VARCHAR NOT NULL,
                added_at      TIMESTAMP NOT NULL,
                added_by      VARCHAR NOT NULL
            );
            """),
        new(4, "memory: archive, archived subtasks, vocabulary and term tables, changed files, imports", """
            CREATE TABLE archive (
                ticket        VARCHAR PRIMARY KEY,
                description   VARCHAR NOT NULL,
                branch        VARCHAR NOT NULL,
                base_branch   VARCHAR,
                base_commit   VARCHAR,
                head_commit   VARCHAR,
                created_at    TIMESTAMP NOT NULL,
                archived_at   TIMESTAMP NOT NULL,
                summary       VARCHAR,
                tip           VARCHAR,
                subtasks      INTEGER NOT NULL,
                runs          BIGINT NOT NULL,
                passed_runs   BIGINT NOT NULL,
                failed_runs   BIGINT NOT NULL,
                regressions   BIGINT NOT NULL,
                log_entries   BIGINT NOT NULL,
                files         INTEGER NOT NULL,
                doc_length    DOUBLE NOT NULL
            );
            CREATE TABLE archive_subtasks (
                ticket        VARCHAR NOT NULL,
                name          VARCHAR NOT NULL,
                position      INTEGER NOT NULL,
                description   VARCHAR NOT NULL,
                conditions    VARCHAR NOT NULL,
                test_command  VARCHAR,
                deps          VARCHAR NOT NULL,
                runs          BIGINT NOT NULL,
                passed_runs   BIGINT NOT NULL,
                failed_runs   BIGINT NOT NULL,
                regressions   BIGINT NOT NULL,
                last_pass_ms  BIGINT,
                doc_length    DOUBLE NOT NULL,
                PRIMARY KEY (ticket, name)
            );
            CREATE SEQUENCE memory_term_ids START 1;
            CREATE TABLE memory_terms (
                id            INTEGER NOT NULL,
                term          VARCHAR NOT NULL
            );
            CREATE TABLE archive_terms (
                ticket        VARCHAR NOT NULL,
                term_id       INTEGER NOT NULL,
                tf            DOUBLE NOT NULL
            );
            CREATE TABLE archive_subtask_terms (
                ticket        VARCHAR NOT NULL,
                subtask       VARCHAR NOT NULL,
                term_id       INTEGER NOT NULL,
                tf            DOUBLE NOT NULL
            );
            CREATE TABLE archive_files (
                ticket        VARCHAR NOT NULL,
                path          VARCHAR NOT NULL,
                file_name     VARCHAR NOT NULL
            );
            CREATE TABLE subtask_imports (
                ticket        VARCHAR NOT NULL,
                subtask       VARCHAR NOT NULL,
                from_ticket   VARCHAR NOT NULL,
                from_subtask  VARCHAR NOT NULL,
                imported_at   TIMESTAMP NOT NULL
            );
            """),
        new(5, "grants: credential leases", """
            CREATE SEQUENCE lease_ids START 1;
            CREATE TABLE leases (
                id             BIGINT PRIMARY KEY DEFAULT nextval('lease_ids'),
                ticket         VARCHAR NOT NULL,
                scope          VARCHAR NOT NULL,
                env_var        VARCHAR NOT NULL,
                mode           VARCHAR NOT NULL,
                issued_by      VARCHAR NOT NULL,
                issued_at      TIMESTAMP NOT NULL,
                expires_at     TIMESTAMP NOT NULL,
                pid            INTEGER,
                command        VARCHAR,
                fingerprint    VARCHAR,
                cookie         VARCHAR,
                work_tree      VARCHAR NOT NULL,
                revoke_command VARCHAR,
                revoked_at     TIMESTAMP,
                reason         VARCHAR,
                revoke_status  VARCHAR,
                exit_code      INTEGER
            );
            """),
        new(6, "trust: evidence and the done seal of each ticket", """
            CREATE TABLE evidence (
                ticket        VARCHAR NOT NULL,
                seq           INTEGER NOT NULL,
                kind          VARCHAR NOT NULL,
                happened_at   TIMESTAMP NOT NULL,
                detail        VARCHAR NOT NULL,
                prev_hash     VARCHAR NOT NULL,
                hash          VARCHAR NOT NULL
            );
            CREATE TABLE done_seals (
                ticket        VARCHAR NOT NULL,
                sealed_at     TIMESTAMP NOT NULL,
                tip           VARCHAR NOT NULL,
                summary       VARCHAR,
                evidence_head VARCHAR NOT NULL,
                prev_hash     VARCHAR NOT NULL,
                hash          VARCHAR NOT NULL
            );
            """),
        new(7, "trust: validations this store ran, how each answer arrived", """
            CREATE TABLE validations_run (
                ticket        VARCHAR NOT NULL,
                hash          VARCHAR NOT NULL,
                tree          VARCHAR NOT NULL,
                passed        BOOLEAN NOT NULL,
                subtasks      INTEGER NOT NULL,
                ran_at        TIMESTAMP NOT NULL
            );
            CREATE INDEX validations_run_ticket ON validations_run (ticket);
            ALTER TABLE messages ADD COLUMN answered_via VARCHAR;
            """),
    ];

    public static int Latest => All[^1].Version;
}
