using KetamineClinic.Data;
using KetamineClinic.Data.Sqlite;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class SqliteConnectionSettingsTests
{
    private static async Task<(long BusyTimeout, long Synchronous, long AutoCheckpoint)> ReadPragmasAsync(ClinicAppFactory app)
    {
        _ = app.Services;
        await using var scope = app.CreateDbScope();
        await scope.Db.Database.OpenConnectionAsync();
        return (await PragmaAsync(scope.Db, "busy_timeout"), await PragmaAsync(scope.Db, "synchronous"), await PragmaAsync(scope.Db, "wal_autocheckpoint"));
    }

    private static async Task<long> PragmaAsync(ClinicDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_the_lock_commits_durably_and_leaves_checkpoints_to_the_background()
    {
        using var app = new ClinicAppFactory();
        var (busyTimeout, synchronous, autoCheckpoint) = await ReadPragmasAsync(app);

        Assert.Equal(10_000, busyTimeout);
        Assert.Equal(2, synchronous); // FULL
        Assert.Equal(0, autoCheckpoint);
    }

    [Fact]
    public async Task A_connection_relaxed_for_the_outbox_commits_durably_again_once_back_from_the_pool()
    {
        using var app = new ClinicAppFactory();
        _ = app.Services;

        await using (var outbox = app.CreateDbScope())
        {
            await outbox.Db.Database.RelaxForThisConnectionAsync(CancellationToken.None);
            Assert.Equal(1, await PragmaAsync(outbox.Db, "synchronous")); // NORMAL
        }

        // The pool hands the same SQLite connection out again.
        await using var next = app.CreateDbScope();
        await next.Db.Database.OpenConnectionAsync();
        Assert.Equal(2, await PragmaAsync(next.Db, "synchronous")); // FULL
    }

    [Fact]
    public async Task The_background_checkpoint_copies_new_rows_from_the_log_into_the_database_file()
    {
        using var app = new ClinicAppFactory();
        var request = await app.AddRequestAsync();

        // The database file alone, without its -wal log, as a copy: a row is there only once it was checkpointed.
        var copy = Path.Combine(app.Directory, "checkpointed-copy.db");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            File.Copy(app.DatabasePath, copy, overwrite: true);
            try
            {
                await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM ConsultationRequests WHERE Reference = $reference;";
                command.Parameters.AddWithValue("$reference", request.Reference);
                found = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }
            catch (SqliteException)
            {
                // Copied while a checkpoint was writing the file; the next copy is whole.
            }
        }

        Assert.True(found, "The new row never reached the database file: nothing checkpointed the write-ahead log.");
    }

    [Fact]
    public async Task Normal_synchronous_mode_is_applied_when_configured()
    {
        using var app = new ClinicAppFactory();
        app.Settings["Database:SqliteSynchronous"] = "normal";
        var (_, synchronous, _) = await ReadPragmasAsync(app);

        Assert.Equal(1, synchronous); // NORMAL
    }
}
