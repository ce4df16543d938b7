using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

/// <summary>Reads the app's real log file after submissions, a bot post, and emails that failed or were sent.</summary>
public sealed class LogPrivacyTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();
    private readonly string _logDirectory;

    public LogPrivacyTests()
    {
        _logDirectory = Path.Combine(_factory.Directory, "logs");
        _factory.Settings["Serilog:WriteTo:1:Name"] = "File";
        _factory.Settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(_logDirectory, "clinic-.json");
        _factory.Settings["Serilog:WriteTo:1:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact";
    }

    [Fact]
    public async Task Logs_carry_references_and_ids_but_no_names_contact_details_or_free_text()
    {
        // A refused SMTP connection, so failure logging is exercised too.
        _factory.UseSmtpServer(port: 9);
        _factory.Settings["Email:Outbox:MaxAttempts"] = "1";
        using var client = _factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields("Zebra-marker thoughts about suicide");
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));
        var bot = ConsultationFormPoster.ValidFields("Bot-marker text");
        bot["Website"] = "spam";
        await client.SubmitAsync(bot);
        await using (var scope = _factory.CreateDbScope())
        {
            await Eventually.GetAsync(
                () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
                list => list.Count == 2 && list.All(m => m.Status == OutboxStatus.Failed));
        }

        // The file is written from a buffer, at least once a second.
        var log = await Eventually.GetAsync(ReadLogAsync, text => text.Contains("SocketException", StringComparison.Ordinal));

        Assert.Contains(reference, log, StringComparison.Ordinal);
        Assert.Contains("discarded as automated", log, StringComparison.Ordinal);
        Assert.Contains("SocketException", log, StringComparison.Ordinal);
        foreach (var personal in new[] { "Avery", "Quinn", "avery.quinn", "example.com", "555-0199", "3125550199", "+13125550199", "Zebra-marker", "suicide", "Bot-marker" })
        {
            Assert.DoesNotContain(personal, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sent_emails_are_logged_once_per_batch_by_their_ids()
    {
        using var client = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));
        List<int> ids;
        await using (var scope = _factory.CreateDbScope())
        {
            var sent = await Eventually.GetAsync(
                () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
                list => list.Count == 2 && list.All(m => m.Status == OutboxStatus.Sent));
            ids = sent.Select(m => m.Id).Order().ToList();
        }

        // The batch is logged after its outcomes are committed, so the line may lag the database by moments.
        var line = await Eventually.GetAsync(
            async () => (await ReadLogAsync()).Split('\n').FirstOrDefault(l => l.Contains("\"Sent {Count} emails", StringComparison.Ordinal)),
            l => l is not null);

        using var json = System.Text.Json.JsonDocument.Parse(line!);
        Assert.Equal(2, json.RootElement.GetProperty("Count").GetInt32());
        Assert.Equal(ids, json.RootElement.GetProperty("OutboxMessageIds").EnumerateArray().Select(e => e.GetInt32()).Order());
        Assert.DoesNotContain("sent on attempt", await ReadLogAsync(), StringComparison.Ordinal);
    }

    private async Task<string> ReadLogAsync()
    {
        var text = "";
        foreach (var file in Directory.GetFiles(_logDirectory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text += await reader.ReadToEndAsync();
        }

        return text;
    }

    public void Dispose() => _factory.Dispose();
}
