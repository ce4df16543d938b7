using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

/// <summary>Reads the app's real log file after a submission, a bot post and a failed email.</summary>
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

        // A refused SMTP connection, so failure logging is exercised too.
        _factory.UseSmtpServer(port: 9);
        _factory.Settings["Email:Outbox:MaxAttempts"] = "1";
    }

    [Fact]
    public async Task Logs_carry_references_and_ids_but_no_names_contact_details_or_free_text()
    {
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

        var log = await ReadLogAsync();

        Assert.Contains(reference, log, StringComparison.Ordinal);
        Assert.Contains("discarded as automated", log, StringComparison.Ordinal);
        Assert.Contains("SocketException", log, StringComparison.Ordinal);
        foreach (var personal in new[] { "Avery", "Quinn", "avery.quinn", "example.com", "555-0199", "3125550199", "+13125550199", "Zebra-marker", "suicide", "Bot-marker" })
        {
            Assert.DoesNotContain(personal, log, StringComparison.OrdinalIgnoreCase);
        }
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
