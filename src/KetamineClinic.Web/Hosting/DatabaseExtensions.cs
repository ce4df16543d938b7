using System.Security.Cryptography;
using System.Xml;
using KetamineClinic.Data;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Hosting;

public static class DatabaseExtensions
{
    public static IServiceCollection AddClinicData(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddClinicDatabase(environment.ContentRootPath);

        // Keys in the shared database let every instance behind a load balancer read the others' cookies.
        services.AddDataProtection()
            .SetApplicationName("KetamineClinic")
            .PersistKeysToDbContext<ClinicDbContext>()
            .ProtectKeysWithClinicCertificate(environment.ContentRootPath);

        services.AddClinicHealthChecks();
        return services;
    }

    /// <summary>
    /// SQLite is migrated at start because it is the embedded, single-file default. SQL Server is never
    /// changed silently: it is migrated by the explicit step in docs/deployment.md, and the app logs
    /// an error here if that step was missed.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("KetamineClinic.Database");

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await EnsureSqliteIsWritableAsync(settings.ConnectionString, app.Lifetime.ApplicationStopping);
            await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
            // WAL (a setting stored in the file) lets pages read while the outbox writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            if (pending > 0)
            {
                logger.LogError("The SQL Server database has {PendingMigrations} pending migrations; run the migration step in docs/deployment.md", pending);
            }
        }

        // Before anything can add a key: an instance whose certificate cannot decrypt the ring would otherwise add a
        // second key of its own and write health data that the other instances cannot read.
        EnsureEveryKeyCanBeDecrypted(scope.ServiceProvider);

        // Create the data-protection key now, outside any request's transaction, so the first form post
        // never has to write a key while it holds the database's write lock.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect([1]);

        var encrypted = await PlainTextUpgrade.EncryptMarkedValuesAsync(
            db, scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), app.Lifetime.ApplicationStopping);
        if (encrypted > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Encrypted {Count} free-text values stored in clear text before this version", encrypted);
        }
    }

    /// <summary>
    /// Takes SQLite's write lock for a moment before migrating: held by another process (a second instance on the same
    /// file, a tool in a write transaction), start-up stops after a few seconds with one line that says so, instead of
    /// failing inside a migration after many.
    /// </summary>
    private static async Task EnsureSqliteIsWritableAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Microsoft.Data.Sqlite retries a busy database until the command times out (30 s by default): 5 s here.
            // One statement per command: a busy statement in a batch gives up silently after the timeout.
            command.CommandTimeout = 5;
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new ClinicConfigurationException(
                $"{DatabaseOptions.ConnectionStringKey}: the SQLite database '{connection.DataSource}' is locked by another process (another instance, or a tool holding a write transaction); stop it, or give this instance a file of its own.");
        }
    }

    private static void EnsureEveryKeyCanBeDecrypted(IServiceProvider services)
    {
        foreach (var key in services.GetRequiredService<IKeyManager>().GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or XmlException)
            {
                var certificate = services.GetRequiredService<KeyEncryptionCertificate>().Path;
                throw new ClinicConfigurationException(
                    $"{KeyEncryptionCertificate.PathKey}: the certificate '{certificate}' cannot decrypt Data Protection key {key.KeyId} in the database; every instance needs the certificate that encrypted the key ring (docs/deployment.md, \"Keys and encryption\").");
            }
        }
    }
}
