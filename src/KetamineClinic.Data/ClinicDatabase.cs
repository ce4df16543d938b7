using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.Data;

public static class ClinicDatabase
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Clinic";
    public const string SqliteSynchronousKey = "Database:SqliteSynchronous";
    public const string SqliteMigrationsAssembly = "KetamineClinic.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "KetamineClinic.Migrations.SqlServer";
    public const string DefaultSqliteFile = "App_Data/clinic.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        // Names only: Enum.TryParse would also accept "1".
        var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<DatabaseProvider>(name)
            : throw new ClinicConfigurationException(
                $"{ProviderKey} must be 'Sqlite' or 'SqlServer', but is '{value}'.");
    }

    /// <summary>
    /// Reads the provider and connection string. A relative SQLite path is resolved against
    /// <paramref name="contentRoot"/> and its folder is created, so the default needs no set-up.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) ReadSettings(IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration[ConnectionStringKey];

        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new ClinicConfigurationException(
                    $"{ConnectionStringKey} is required when {ProviderKey} is SqlServer.")
                : (provider, connectionString);
        }

        SqliteConnectionStringBuilder sqlite;
        try
        {
            sqlite = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ClinicConfigurationException($"{ConnectionStringKey} is not a valid SQLite connection string: {ex.Message}");
        }

        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(sqlite.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            sqlite.DataSource = path;
        }

        return (provider, sqlite.ToString());
    }

    // One interceptor per setting, shared, so EF Core's internal service provider is not rebuilt per context.
    private static readonly Dictionary<SqliteSynchronous, SqliteConnectionSettingsInterceptor> _sqliteInterceptors =
        Enum.GetValues<SqliteSynchronous>().ToDictionary(s => s, s => new SqliteConnectionSettingsInterceptor(s));

    public static SqliteSynchronous ReadSqliteSynchronous(IConfiguration configuration)
    {
        var value = configuration[SqliteSynchronousKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return SqliteSynchronous.Full;
        }

        var name = Enum.GetNames<SqliteSynchronous>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<SqliteSynchronous>(name)
            : throw new ClinicConfigurationException($"{SqliteSynchronousKey} must be 'Full' or 'Normal', but is '{value}'.");
    }

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
                    .AddInterceptors(_sqliteInterceptors[synchronous]);
                break;
        }

        options.ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>();
    }

    /// <summary>
    /// Registers <see cref="ClinicDbContext"/>. Settings are read when first needed (the app resolves them
    /// at start), so every configuration source, test overrides included, has been applied by then.
    /// </summary>
    public static IServiceCollection AddClinicDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var (databaseProvider, connectionString) = ReadSettings(configuration, contentRoot);
            return new DatabaseSettings(databaseProvider, connectionString, ReadSqliteSynchronous(configuration));
        });
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<DatabaseWriteGate>();
        services.AddDbContext<ClinicDbContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<DatabaseSettings>();
            Configure(options, settings.Provider, settings.ConnectionString, settings.SqliteSynchronous);
        });
        return services;
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, SqliteSynchronous SqliteSynchronous);
