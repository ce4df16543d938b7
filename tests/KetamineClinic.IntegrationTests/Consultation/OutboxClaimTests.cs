using KetamineClinic.Data.Entities;
using KetamineClinic.Data.Sqlite;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using KetamineClinic.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineClinic.IntegrationTests.Consultation;

/// <summary>Several dispatchers (as on several app instances) working one outbox never send a message twice.</summary>
public sealed class OutboxClaimTests : IDisposable
{
    private const int MessageCount = 30;
    private readonly SmtpServerProcess _smtp = new();
    private readonly ConsultationAppFactory _factory = new();

    public OutboxClaimTests()
    {
        _factory.UseSmtpServer(_smtp.Port, claimSeconds: 30);
    }

    [Fact]
    public async Task Competing_dispatchers_send_each_message_exactly_once()
    {
        await _smtp.StartAsync();
        // A request whose own two emails count as sent already, and many more staff notifications queued for it.
        var request = await _factory.AddRequestAsync();
        await using (var scope = _factory.CreateDbScope())
        {
            var now = DateTime.UtcNow;
            scope.Db.OutboxMessages.AddRange(Enumerable.Range(0, MessageCount).Select(i => new OutboxMessage
            {
                ConsultationRequestId = request.Id,
                Kind = EmailKind.StaffNotification,
                MessageId = $"{Guid.NewGuid():N}@claim.test",
                CreatedAt = now,
                NextAttemptAt = now,
            }));
            await scope.Db.SaveChangesAsync();
        }

        var services = _factory.Services;
        OutboxDispatcher NewDispatcher() => new(
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IEmailTransport>(),
            services.GetRequiredService<EmailWriterRouter>(),
            services.GetRequiredService<EmailEnvelope>(),
            services.GetRequiredService<DatabaseWriteGate>(),
            new OutboxSignal(),
            services.GetRequiredService<IOptions<EmailOptions>>(),
            TimeProvider.System,
            services.GetRequiredService<ILogger<OutboxDispatcher>>());
        var dispatchers = Enumerable.Range(0, 3).Select(_ => NewDispatcher()).ToList();

        // The app's own hosted dispatcher competes as well.
        await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DispatchDueAsync(CancellationToken.None))));

        await using var check = _factory.CreateDbScope();
        var messages = await Eventually.GetAsync(
            () => check.Db.OutboxMessages.AsNoTracking().Where(m => m.MessageId.EndsWith("@claim.test")).ToListAsync(),
            list => list.All(m => m.Status == OutboxStatus.Sent));
        Assert.Equal(MessageCount, messages.Count);
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
        await Task.Delay(500);
        Assert.Equal(MessageCount, _smtp.ReceivedFiles.Count);

        // A batch goes over one connection: at most one per dispatcher (three here and the app's own), not one per message.
        Assert.InRange(_smtp.ConnectionsUsed, 1, 4);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}
