using KetamineClinic.Data;
using KetamineClinic.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class MigrationTests
{
    private static ClinicDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, provider, connectionString);
        return new ClinicDbContext(options.WithIdentitySchema().Options, new PersonalDataProtector(new EphemeralDataProtectionProvider()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Unused;Integrated Security=true")]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = CreateContext(provider, connectionString);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_by_name()
    {
        using var sqlite = CreateContext(DatabaseProvider.Sqlite, "Data Source=unused.db");
        using var sqlServer = CreateContext(DatabaseProvider.SqlServer, "Server=localhost;Database=Unused");

        static IEnumerable<string> Names(ClinicDbContext db) => db.Database.GetMigrations().Select(id => id[15..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void The_committed_sql_server_idempotent_script_is_current()
    {
        using var db = CreateContext(DatabaseProvider.SqlServer, "Server=localhost;Database=Unused");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [ConsultationRequests]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "KetamineClinic.Migrations.SqlServer", "migrate-idempotent.sql"));
        Assert.True(Normalize(committed) == Normalize(script),
            "migrate-idempotent.sql is out of date: run scripts/sqlserver-script.sh.");
    }

    [Fact]
    public async Task An_empty_sqlite_file_migrates_to_the_latest_schema()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clinic-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = CreateContext(DatabaseProvider.Sqlite, $"Data Source={path}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            var tables = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            Assert.Superset(
                new HashSet<string> { "ConsultationRequests", "OutboxMessages", "RequestNotes", "RequestStatusChanges", "AuditEntries", "DataProtectionKeys", "AspNetUsers", "AspNetUserPasskeys" },
                tables.ToHashSet());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Notes_and_status_history_written_before_the_vocabulary_rename_are_kept()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clinic-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = CreateContext(DatabaseProvider.Sqlite, $"Data Source={path}"))
            {
                var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_RequestVocabulary", StringComparison.Ordinal)).Last();
                await db.GetService<IMigrator>().MigrateAsync(before);
                // The rows' request is not needed to show that the rows survive: foreign keys are off for the insert.
                await db.Database.ExecuteSqlRawAsync("""
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO LeadNotes (ConsultationRequestId, AuthorId, AuthorName, Text, CreatedAt) VALUES (7, 'u1', 'Ada', 'cipher', '2026-11-30 10:00:00');
                    INSERT INTO LeadStatusChanges (ConsultationRequestId, "From", "To", ChangedById, ChangedByName, ChangedAt) VALUES (7, 'New', 'Contacted', 'u1', 'Ada', '2026-11-30 10:01:00');
                    """);
                await db.Database.MigrateAsync();
            }

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT (SELECT AuthorName || ':' || Text FROM RequestNotes) || '|' || (SELECT "From" || '>' || "To" FROM RequestStatusChanges)""";
            Assert.Equal("Ada:cipher|New>Contacted", await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
