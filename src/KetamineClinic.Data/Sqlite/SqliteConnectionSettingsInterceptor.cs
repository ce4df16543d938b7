using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KetamineClinic.Data.Sqlite;

/// <summary>How long an SQLite commit waits for the disk: <c>Database:SqliteSynchronous</c>.</summary>
public enum SqliteSynchronous
{
    Full,
    Normal,
}

/// <summary>
/// Lets SQLite itself wait for the write lock. Without it, Microsoft.Data.Sqlite retries a busy database
/// from managed code after 150 ms sleeps, which turns a few milliseconds of lock contention into a long
/// latency tail when several requests write at once. SQLite's own handler retries after 1, 2, 5, 10… ms.
/// </summary>
/// <remarks>
/// Also applies <c>Database:SqliteSynchronous</c> (a per-connection setting): <c>Full</c> (the default) makes
/// every commit wait for the disk; <c>Normal</c> keeps commits across a crashed or killed process but may
/// lose the last ones on a power cut, in exchange for far more writes per second (docs/performance.md).
/// Applied on every open, so a connection that <see cref="SqliteDurability.RelaxForThisConnectionAsync"/>
/// relaxed goes back to the setting when it is next taken from the pool.
/// Turns off SQLite's automatic checkpoints: the commit that crossed the threshold ran the checkpoint itself,
/// copying the log into the database file and waiting for the disk twice, while holding the write lock and
/// the request behind it. <see cref="SqliteCheckpointer"/> does it in the background instead.
/// </remarks>
internal sealed class SqliteConnectionSettingsInterceptor : DbConnectionInterceptor
{
    // One per setting, shared, so EF Core's internal service provider is not rebuilt per context.
    private static readonly Dictionary<SqliteSynchronous, SqliteConnectionSettingsInterceptor> _bySetting =
        Enum.GetValues<SqliteSynchronous>().ToDictionary(s => s, s => new SqliteConnectionSettingsInterceptor(s));

    private readonly string _pragma;

    private SqliteConnectionSettingsInterceptor(SqliteSynchronous synchronous) =>
        _pragma = $"PRAGMA busy_timeout = 10000; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA wal_autocheckpoint = 0;";

    public static SqliteConnectionSettingsInterceptor For(SqliteSynchronous synchronous) => _bySetting[synchronous];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
