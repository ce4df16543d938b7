using KetamineClinic.Data;
using Microsoft.Extensions.Configuration;

namespace KetamineClinic.Tests.Foundation;

public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("clinic-settings-");

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void The_default_is_a_sqlite_file_under_app_data_whose_folder_is_created()
    {
        var (provider, connectionString) = ClinicDatabase.ReadSettings(Config(), _root.FullName);

        Assert.Equal(DatabaseProvider.Sqlite, provider);
        var expected = Path.Combine(_root.FullName, "App_Data", "clinic.db");
        Assert.Equal($"Data Source={expected}", connectionString);
        Assert.True(Directory.Exists(Path.GetDirectoryName(expected)));
    }

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("SqlServer")]
    public void The_provider_name_is_not_case_sensitive(string value)
    {
        var (provider, _) = ClinicDatabase.ReadSettings(
            Config(("Database:Provider", value), ("ConnectionStrings:Clinic", "Server=db;Database=Clinic")), _root.FullName);
        Assert.Equal(DatabaseProvider.SqlServer, provider);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    [InlineData("Sqlite;SqlServer")]
    public void An_unknown_provider_names_the_key(string value)
    {
        var error = Assert.Throws<ClinicConfigurationException>(() =>
            ClinicDatabase.ReadSettings(Config(("Database:Provider", value)), _root.FullName));
        Assert.StartsWith("Database:Provider must be 'Sqlite' or 'SqlServer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_names_the_key()
    {
        var error = Assert.Throws<ClinicConfigurationException>(() =>
            ClinicDatabase.ReadSettings(Config(("Database:Provider", "SqlServer")), _root.FullName));
        Assert.Equal("ConnectionStrings:Clinic is required when Database:Provider is SqlServer.", error.Message);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
