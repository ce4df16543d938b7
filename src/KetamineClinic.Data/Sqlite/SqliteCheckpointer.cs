using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineClinic.Data.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every second, off the request path (the
/// connections' own automatic checkpoints are off: see <see cref="SqliteConnectionSettingsInterceptor"/>). A passive
/// checkpoint takes no write lock, so requests keep committing while it runs; it copies what no reader still
/// needs, and the log starts again from the top once all of it is in the database file.
/// </summary>
public sealed partial class SqliteCheckpointer(
    IServiceScopeFactory scopes,
    DatabaseOptions settings,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // Wall-clock time even where tests replace the app's clock: the log must not wait for a test to move it.
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: SQLite checkpoints the rest when the last connection closes.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next tick tries again; until then the log only grows.
            LogCheckpointFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed; retrying in a second")]
    private partial void LogCheckpointFailed(Exception exception);
}
