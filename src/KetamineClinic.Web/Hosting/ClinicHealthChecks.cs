using System.Security.Cryptography;
using KetamineClinic.Data;
using KetamineClinic.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: healthy only while a request could be stored — the database answers a query on a real table and
/// would take a write (SQLite: its write lock can be had; SQL Server: an update that changes no row runs) — and the
/// key ring can be read (a protect and unprotect round trip), since without keys no health answer can be stored
/// or read. Each check gives up after a few seconds and reports unhealthy.
/// </summary>
public static class ClinicHealthChecks
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddClinicHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseWritableCheck>("database", timeout: Timeout)
            .AddCheck<KeyRingReadableCheck>("key ring", timeout: Timeout);
        return services;
    }
}

public sealed class DatabaseWritableCheck(IServiceScopeFactory scopes, DatabaseOptions settings, DatabaseWriteGate writeGate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                // A real table: an empty or replaced database file is unhealthy too.
                await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().DataProtectionKeys.AnyAsync(cancellationToken);
                if (settings.Provider == DatabaseProvider.SqlServer)
                {
                    var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
                    db.Database.SetCommandTimeout(ClinicHealthChecks.Timeout);
                    await db.Database.ExecuteSqlRawAsync(
                        "BEGIN TRAN; UPDATE TOP (0) [DataProtectionKeys] SET [FriendlyName] = [FriendlyName]; ROLLBACK;", cancellationToken);
                    return HealthCheckResult.Healthy();
                }
            }

            // Its own connection, in this process's turn at the lock, so the check never waits behind its own app.
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = (int)ClinicHealthChecks.Timeout.TotalSeconds;
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written.", ex);
        }
    }
}

public sealed class KeyRingReadableCheck(IDataProtectionProvider dataProtection) : IHealthCheck
{
    private static readonly byte[] _probe = [1, 2, 3];
    private readonly IDataProtector _protector = dataProtection.CreateProtector("KetamineClinic.Health.v1");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(_protector.Unprotect(_protector.Protect(_probe)).AsSpan().SequenceEqual(_probe)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The key ring gave back other bytes."));
        }
        catch (CryptographicException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The key ring cannot be read.", ex));
        }
    }
}
