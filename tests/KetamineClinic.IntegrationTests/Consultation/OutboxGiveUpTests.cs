using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class OutboxGiveUpTests : IDisposable
{
    private readonly SmtpServerProcess _neverStarted = new();
    private readonly ConsultationAppFactory _factory = new();

    public OutboxGiveUpTests()
    {
        _factory.UseSmtpServer(_neverStarted.Port);
        _factory.Settings["Email:Outbox:MaxAttempts"] = "3";
        _factory.Settings["Email:Outbox:BaseDelaySeconds"] = "0.1";
        _factory.Settings["Email:Outbox:MaxDelaySeconds"] = "0.2";
    }

    [Fact]
    public async Task After_the_maximum_attempts_a_message_is_marked_failed_and_the_request_is_kept()
    {
        using var client = _factory.CreateBrowser();

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        await using var scope = _factory.CreateDbScope();
        var failed = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.Count == 2 && list.All(m => m.Status == OutboxStatus.Failed));
        Assert.All(failed, m => Assert.Equal(3, m.Attempts));
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _neverStarted.Dispose();
    }
}
