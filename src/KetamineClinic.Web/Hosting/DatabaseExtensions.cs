using KetamineClinic.Data;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.DataProtection;
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

        services.AddHealthChecks().AddDbContextCheck<ClinicDbContext>(
            name: "database",
            customTestQuery: async (db, ct) =>
            {
                // Touches a real table: an empty or replaced database file is unhealthy too.
                await db.DataProtectionKeys.AnyAsync(ct);
                return true;
            });
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

        // Create the data-protection key now, outside any request's transaction, so the first form post
        // never has to write a key while it holds the database's write lock.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect([1]);
    }
}
