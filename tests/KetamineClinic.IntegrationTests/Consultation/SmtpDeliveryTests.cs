using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace KetamineClinic.IntegrationTests.Consultation;

/// <summary>Delivery through a real SMTP server process on 127.0.0.1.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly SmtpServerProcess _smtp = new();
    private readonly ConsultationAppFactory _factory = new();

    public SmtpDeliveryTests()
    {
        _factory.UseSmtpServer(_smtp.Port);
        _factory.Settings["Email:Outbox:BaseDelaySeconds"] = "0.3";
        _factory.Settings["Email:Outbox:MaxDelaySeconds"] = "0.6";
    }

    [Fact]
    public async Task Both_emails_are_delivered_to_the_smtp_server()
    {
        await _smtp.StartAsync();
        using var client = _factory.CreateBrowser();

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        var files = await Eventually.GetAsync(() => Task.FromResult(_smtp.ReceivedFiles), f => f.Count >= 2, because: "the SMTP server should receive two messages");
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains(reference, m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "intake@clinic.test");
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "avery.quinn@example.com");
        await using var scope = _factory.CreateDbScope();
        var outbox = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.All(m => m.Status == OutboxStatus.Sent));
        Assert.All(outbox, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_request_is_accepted_and_the_emails_go_out_once_it_is_up()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.SubmitAsync(ConsultationFormPoster.ValidFields());

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = _factory.CreateDbScope();
        var failing = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.Count == 2 && list.All(m => m.Attempts >= 2),
            because: "the dispatcher should have retried against the stopped server");
        Assert.All(failing, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.StartsWith("SocketException", m.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("@", m.LastError, StringComparison.Ordinal);
        });

        await _smtp.StartAsync();

        var sent = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.All(m => m.Status == OutboxStatus.Sent),
            because: "the emails should go out once the server is up");
        Assert.All(sent, m => Assert.Null(m.LastError));
        Assert.Equal(2, _smtp.ReceivedFiles.Count);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}
