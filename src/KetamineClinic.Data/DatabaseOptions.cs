using KetamineClinic.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace KetamineClinic.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Which database the clinic uses and how: the <c>Database</c> section and <c>ConnectionStrings:Clinic</c>,
/// read and checked once, when the app starts.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, SqliteSynchronous SqliteSynchronous)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Clinic";
    public const string SqliteSynchronousKey = "Database:SqliteSynchronous";
    public const string DefaultSqliteFile = "App_Data/clinic.db";

    /// <summary>
    /// Reads the settings. A relative SQLite path is resolved against <paramref name="contentRoot"/> and its
    /// folder is created, so the default needs no set-up.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ConfigurationEnum.Read(configuration, ProviderKey, DatabaseProvider.Sqlite);
        var synchronous = ConfigurationEnum.Read(configuration, SqliteSynchronousKey, SqliteSynchronous.Full);
        var connectionString = configuration[ConnectionStringKey];

        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new ClinicConfigurationException($"{ConnectionStringKey} is required when {ProviderKey} is SqlServer.")
                : new DatabaseOptions(provider, connectionString, synchronous);
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

        return new DatabaseOptions(provider, sqlite.ToString(), synchronous);
    }
}
