using KetamineClinic.Data;
using KetamineClinic.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace KetamineClinic.Tests.Foundation;

public sealed class DatabaseOptionsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("clinic-settings-");

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void The_default_is_a_sqlite_file_under_app_data_whose_folder_is_created()
    {
        var options = DatabaseOptions.Read(Config(), _root.FullName);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(SqliteSynchronous.Full, options.SqliteSynchronous);
        var expected = Path.Combine(_root.FullName, "App_Data", "clinic.db");
        Assert.Equal($"Data Source={expected}", options.ConnectionString);
        Assert.True(Directory.Exists(Path.GetDirectoryName(expected)));
    }

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("SqlServer")]
    public void The_provider_name_is_not_case_sensitive(string value)
    {
        var options = DatabaseOptions.Read(
            Config(("Database:Provider", value), ("ConnectionStrings:Clinic", "Server=db;Database=Clinic")), _root.FullName);
        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    [InlineData("Sqlite;SqlServer")]
    public void An_unknown_provider_names_the_key(string value)
    {
        var error = Assert.Throws<ClinicConfigurationException>(() =>
            DatabaseOptions.Read(Config(("Database:Provider", value)), _root.FullName));
        Assert.Equal($"Database:Provider must be 'Sqlite' or 'SqlServer', but is '{value}'.", error.Message);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_names_the_key()
    {
        var error = Assert.Throws<ClinicConfigurationException>(() =>
            DatabaseOptions.Read(Config(("Database:Provider", "SqlServer")), _root.FullName));
        Assert.Equal("ConnectionStrings:Clinic is required when Database:Provider is SqlServer.", error.Message);
    }

    [Theory]
    [InlineData("normal", SqliteSynchronous.Normal)]
    [InlineData(" Full ", SqliteSynchronous.Full)]
    public void The_sqlite_durability_is_read_by_name(string value, SqliteSynchronous expected) =>
        Assert.Equal(expected, DatabaseOptions.Read(Config(("Database:SqliteSynchronous", value)), _root.FullName).SqliteSynchronous);

    [Theory]
    [InlineData("Off")]
    [InlineData("0")]
    public void An_unknown_sqlite_durability_names_the_key_and_the_choices(string value)
    {
        var error = Assert.Throws<ClinicConfigurationException>(() =>
            DatabaseOptions.Read(Config(("Database:SqliteSynchronous", value)), _root.FullName));
        Assert.Equal($"Database:SqliteSynchronous must be 'Full' or 'Normal', but is '{value}'.", error.Message);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
