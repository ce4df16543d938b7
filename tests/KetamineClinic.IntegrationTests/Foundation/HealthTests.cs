using System.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_is_200_when_the_database_answers()
    {
        using var app = new ClinicAppFactory();
        using var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_is_503_when_the_database_is_gone()
    {
        using var app = new ClinicAppFactory();
        // Without pooling every check opens the file anew, as a check against a database server connects anew.
        app.Settings["ConnectionStrings:Clinic"] = $"Data Source={app.DatabasePath};Pooling=False";
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        SqliteConnection.ClearAllPools();
        await DeleteWhileTheAppRunsAsync(app.Directory);

        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_is_503_while_the_database_cannot_be_written_and_200_again_after()
    {
        using var app = new ClinicAppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await using (var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var command = holder.CreateCommand();
            // Another process holding the write lock (a backup tool, a stuck instance): reads still work, writes cannot.
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();

            using var locked = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        }

        using var released = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }


    // The app's background services may create a file (a SQLite journal) while the folder is being deleted.
    private static async Task DeleteWhileTheAppRunsAsync(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(50);
            }
        }
    }
}
