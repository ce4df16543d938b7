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
