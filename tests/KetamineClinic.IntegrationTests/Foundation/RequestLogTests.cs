using System.Text.Json;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>The production log file (buffered, written from a background queue), read after the host has stopped.</summary>
public sealed class RequestLogTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();
    // Outside the app's folder, which goes when the app stops.
    private readonly string _logDirectory = Directory.CreateTempSubdirectory("clinic-logs-").FullName;

    public RequestLogTests()
    {
        _app.Settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(_logDirectory, "clinic-.json");
        // No periodic flush during the test: whatever is in the file was written by the host stopping.
        _app.Settings["Serilog:WriteTo:1:Args:flushToDiskInterval"] = "01:00:00";
    }

    [Fact]
    public async Task Each_request_is_one_line_with_method_path_status_and_time_but_no_query_string()
    {
        var client = _app.CreateClient();
        using (await client.GetAsync("/articles/how-ketamine-works?email=avery.quinn%40example.com")) { }
        using (await client.GetAsync("/articles/how-ketamine-works?email=avery.quinn%40example.com")) { }
        using (await client.GetAsync("/no-such-page")) { }

        var requests = (await StopAndReadLinesAsync()).Where(line => line.TryGetProperty("RequestPath", out _)).ToList();

        var article = requests.Where(line => line.GetProperty("RequestPath").GetString() == "/articles/how-ketamine-works").ToList();
        Assert.Equal(2, article.Count);
        Assert.All(article, line =>
        {
            Assert.Equal("GET", line.GetProperty("RequestMethod").GetString());
            Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
            Assert.True(line.GetProperty("Elapsed").GetDouble() >= 0);
        });
        Assert.Single(requests, line => line.GetProperty("StatusCode").GetInt32() == 404);
        Assert.DoesNotContain(requests, line => line.GetRawText().Contains("avery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_line_written_just_before_the_host_stops_is_in_the_file()
    {
        using (await _app.CreateClient().GetAsync("/healthz")) { }
        var marker = $"Last words {Guid.NewGuid():N}";
        _app.Services.GetRequiredService<ILogger<RequestLogTests>>().LogWarning("{Marker}", marker);

        var lines = await StopAndReadLinesAsync();

        Assert.Contains(lines, line => line.TryGetProperty("Marker", out var value) && value.GetString() == marker);
    }

    [Fact]
    public async Task The_log_file_is_readable_by_the_apps_own_user_only()
    {
        using (await _app.CreateClient().GetAsync("/healthz")) { }

        var file = Assert.Single(Directory.GetFiles(_logDirectory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    private async Task<List<JsonElement>> StopAndReadLinesAsync()
    {
        await _app.DisposeAsync();
        var lines = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(_logDirectory))
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                lines.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return lines;
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_logDirectory, recursive: true);
    }
}
