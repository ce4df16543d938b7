using System.Net.Sockets;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Email;

/// <summary>
/// Sends the outbox: claims each due message atomically (so several app instances never send one
/// twice), sends it, and records the outcome, retrying with exponential backoff until
/// <see cref="OutboxOptions.MaxAttempts"/> and then marking it failed for staff to see.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.Outbox.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more due right away.
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next poll tries again.
                LogDispatchFailed(ex);
            }

            try
            {
                await signal.WaitAsync(poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due now; returns how many messages were looked at.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            await TrySendAsync(db, id, cancellationToken);
        }

        return due.Count;
    }

    private async Task TrySendAsync(ClinicDbContext db, int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lockedUntil = now.AddSeconds(options.Value.Outbox.ClaimSeconds);

        // The claim is one conditional UPDATE: of two dispatchers racing for the row, exactly one changes it.
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LockedBy, _instance)
                .SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        if (claimed != 1)
        {
            return;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var attempts = message.Attempts + 1;
        try
        {
            await transport.SendAsync(OutboxMime.ToMimeMessage(message, options.Value, time.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, message, attempts, ex, cancellationToken);
            return;
        }

        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.OutboxMessages
            .Where(m => m.Id == id && m.LockedBy == _instance)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        LogSent(message.Id, message.Kind, message.ConsultationRequestId, attempts);
    }

    private async Task RecordFailureAsync(ClinicDbContext db, OutboxMessage message, int attempts, Exception ex, CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        var error = Describe(ex);
        var failed = attempts >= outbox.MaxAttempts;
        var status = failed ? OutboxStatus.Failed : OutboxStatus.Pending;
        var next = time.GetUtcNow().UtcDateTime + RetryDelay(attempts, outbox);
        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockedBy == _instance)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);

        if (failed)
        {
            LogGaveUp(message.Id, message.Kind, message.ConsultationRequestId, attempts, error);
        }
        else
        {
            LogWillRetry(message.Id, message.Kind, attempts, next, error);
        }
    }

    /// <summary>Base delay doubled per attempt, capped, with up to 20% jitter so instances do not retry in step.</summary>
    public static TimeSpan RetryDelay(int attempts, OutboxOptions outbox)
    {
        var exponential = outbox.BaseDelaySeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, outbox.MaxDelaySeconds);
        return TimeSpan.FromSeconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    /// <summary>The exception type and the server's status code; never the message text, which may quote addresses.</summary>
    public static string Describe(Exception ex)
    {
        var detail = ex switch
        {
            SmtpCommandException smtp => $" SMTP {(int)smtp.StatusCode} ({smtp.StatusCode}), {smtp.ErrorCode}",
            SmtpProtocolException => " protocol error",
            SocketException socket => $" {socket.SocketErrorCode}",
            ServiceNotConnectedException or ServiceNotAuthenticatedException => "",
            IOException io when io.InnerException is SocketException inner => $" {inner.SocketErrorCode}",
            _ => "",
        };
        var text = ex.GetType().Name + detail;
        return text.Length > 1000 ? text[..1000] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {OutboxMessageId} ({Kind}) for request {ConsultationRequestId} sent on attempt {Attempts}")]
    private partial void LogSent(int outboxMessageId, EmailKind kind, int? consultationRequestId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxMessageId} ({Kind}) attempt {Attempts} failed with {Error}; next attempt at {NextAttemptAt:o}")]
    private partial void LogWillRetry(int outboxMessageId, EmailKind kind, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {OutboxMessageId} ({Kind}) for request {ConsultationRequestId} failed after {Attempts} attempts ({Error}); marked failed")]
    private partial void LogGaveUp(int outboxMessageId, EmailKind kind, int? consultationRequestId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher could not read the outbox; it will try again")]
    private partial void LogDispatchFailed(Exception exception);
}
