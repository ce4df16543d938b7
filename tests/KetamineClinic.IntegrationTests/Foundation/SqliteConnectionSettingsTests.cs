using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class SqliteConnectionSettingsTests
{
    private static async Task<(long BusyTimeout, long Synchronous)> ReadPragmasAsync(ClinicAppFactory app)
    {
        _ = app.Services;
        await using var scope = app.CreateDbScope();
        await scope.Db.Database.OpenConnectionAsync();
        var connection = scope.Db.Database.GetDbConnection();

        async Task<long> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await PragmaAsync("busy_timeout"), await PragmaAsync("synchronous"));
    }

    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_the_lock_and_commits_durably_by_default()
    {
        using var app = new ClinicAppFactory();
        var (busyTimeout, synchronous) = await ReadPragmasAsync(app);

        Assert.Equal(10_000, busyTimeout);
        Assert.Equal(2, synchronous); // FULL
    }

    [Fact]
    public async Task Normal_synchronous_mode_is_applied_when_configured()
    {
        using var app = new ClinicAppFactory();
        app.Settings["Database:SqliteSynchronous"] = "normal";
        var (_, synchronous) = await ReadPragmasAsync(app);

        Assert.Equal(1, synchronous); // NORMAL
    }
}
