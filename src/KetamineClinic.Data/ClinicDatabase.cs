using KetamineClinic.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.Data;

public static class ClinicDatabase
{
    public const string SqliteMigrationsAssembly = "KetamineClinic.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "KetamineClinic.Migrations.SqlServer";

    /// <summary>Identity's table layout: version 3 adds the passkeys (<c>AspNetUserPasskeys</c>).</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .EnableRetryOnFailure());
                break;
            default:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteConnectionSettingsInterceptor.For(synchronous));
                break;
        }

        options.ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>();
    }

    /// <summary>
    /// A context for <c>dotnet ef</c> in a migrations project: the model's shape on <paramref name="provider"/>, with no
    /// data protection (design-time tools never read or write data).
    /// </summary>
    public static ClinicDbContext CreateForDesignTime(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        Configure(options, provider, connectionString);
        return new ClinicDbContext(options.WithIdentitySchema().Options, PersonalDataProtector.DesignTime);
    }

    /// <summary>
    /// Identity reads its table layout from the app's <see cref="IdentityOptions"/>; a context made outside the app
    /// (<c>dotnet ef</c>, tests) gets the same <see cref="IdentitySchema"/> here, or its model would lack the passkeys.
    /// </summary>
    public static DbContextOptionsBuilder<ClinicDbContext> WithIdentitySchema(this DbContextOptionsBuilder<ClinicDbContext> options) =>
        options.UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchema)
            .BuildServiceProvider());

    /// <summary>
    /// Registers <see cref="ClinicDbContext"/> and, on SQLite, the pieces of its write path (docs/decisions).
    /// Settings are read when first needed (the app resolves them at start), so every configuration source,
    /// test overrides included, has been applied by then.
    /// </summary>
    public static IServiceCollection AddClinicDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton(provider => DatabaseOptions.Read(provider.GetRequiredService<IConfiguration>(), contentRoot));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<DatabaseWriteGate>();
        services.AddHostedService<SqliteCheckpointer>();
        services.AddDbContext<ClinicDbContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<DatabaseOptions>();
            Configure(options, settings.Provider, settings.ConnectionString, settings.SqliteSynchronous);
        });
        return services;
    }
}
