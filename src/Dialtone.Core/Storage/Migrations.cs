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
    ];

    public static int Latest => All[^1].Version;
}
