using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Email;

/// <summary>
/// Sends the outbox in batches of up to 100: claims the due messages with one atomic update (so several
/// app instances never send one twice), renders each from its request and sends them, and records the outcomes in one transaction, retrying
/// a failed message with exponential backoff until <see cref="OutboxOptions.MaxAttempts"/> and then marking
/// it failed for staff to see. A commit per batch instead of two per message keeps the dispatcher from
/// competing with new requests for SQLite's single write lock.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    EmailWriterRouter writer,
    EmailEnvelope envelope,
    DatabaseWriteGate writeGate,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
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
        var outbox = options.Value.Outbox;
        var now = time.GetUtcNow().UtcDateTime;

        // The claim and the outcomes need not wait for the disk: a claim lost in a power cut expires, and an
        // outcome lost is sent again (same Message-Id). Commits that wait for the disk held the write lock ahead
        // of new requests, whose commits do wait for it.
        await db.Database.RelaxForThisConnectionAsync(cancellationToken);

        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // The claim is one conditional UPDATE for the whole batch: of two dispatchers racing for a row,
        // exactly one changes it.
        var lockedUntil = now.AddSeconds(outbox.ClaimSeconds);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages
                .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.LockedBy, _instance)
                    .SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        }

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.LockedBy == _instance)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            // Another instance claimed them all: nothing to render, send or record.
            return due.Count;
        }

        var contents = await writer.LoadAsync(db, claimed, cancellationToken);

        // A send starts only while half the claim remains; ClaimSeconds is at least twice the SMTP timeout,
        // so no other instance can take over a message that is still being sent.
        var lastStart = lockedUntil.AddSeconds(-outbox.ClaimSeconds / 2);
        var outcome = new BatchOutcome();
        await using (var session = transport.OpenSession())
        {
            foreach (var message in claimed)
            {
                if (cancellationToken.IsCancellationRequested || time.GetUtcNow().UtcDateTime > lastStart)
                {
                    outcome.NotTried.Add(message.Id);
                    continue;
                }

                try
                {
                    // Written now from what it is about: the outbox keeps no content.
                    await session.SendAsync(envelope.Compose(message, contents.Write(message), time.GetUtcNow()), cancellationToken);
                    outcome.Sent.Add(message);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    outcome.NotTried.Add(message.Id);
                }
                catch (Exception ex)
                {
                    var attempts = message.Attempts + 1;
                    var next = time.GetUtcNow().UtcDateTime + RetryDelay(attempts, outbox);
                    outcome.Failed.Add(new FailedSend(message, attempts, transport.Describe(ex), next, attempts >= outbox.MaxAttempts));
                }
            }
        }

        // Recorded even when stopping: a sent message must not be sent again.
        await RecordAsync(db, outcome);
        return due.Count;
    }

    /// <summary>Records a batch's outcomes in one transaction (one commit) and releases its claims.</summary>
    private async Task RecordAsync(ClinicDbContext db, BatchOutcome outcome)
    {
        var sentIds = outcome.Sent.Select(m => m.Id).ToList();
        var sentAt = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            using var turn = await writeGate.EnterAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (sentIds.Count > 0)
            {
                await db.OutboxMessages
                    .Where(m => sentIds.Contains(m.Id) && m.LockedBy == _instance)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(m => m.Status, OutboxStatus.Sent)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.SentAt, sentAt)
                        .SetProperty(m => m.ManageToken, (string?)null)
                        .SetProperty(m => m.LastError, (string?)null)
                        .SetProperty(m => m.LockedBy, (string?)null)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }

            foreach (var failure in outcome.Failed)
            {
                var id = failure.Message.Id;
                var status = failure.GaveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
                await db.OutboxMessages
                    .Where(m => m.Id == id && m.LockedBy == _instance)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(m => m.Status, status)
                        .SetProperty(m => m.Attempts, failure.Attempts)
                        .SetProperty(m => m.NextAttemptAt, failure.NextAttemptAt)
                        .SetProperty(m => m.LastError, failure.Error)
                        .SetProperty(m => m.LockedBy, (string?)null)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }

            if (outcome.NotTried.Count > 0)
            {
                await db.OutboxMessages
                    .Where(m => outcome.NotTried.Contains(m.Id) && m.LockedBy == _instance)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(m => m.LockedBy, (string?)null)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        });

        // One line per batch, not per email: under load, a synchronous log write per email cost more than sending it.
        // Each email's state is in the outbox (and on the staff request page); failures are logged one by one below.
        if (outcome.Sent.Count > 0)
        {
            LogBatchSent(outcome.Sent.Count, sentIds);
        }

        foreach (var failure in outcome.Failed)
        {
            var message = failure.Message;
            if (failure.GaveUp)
            {
                LogGaveUp(message.Id, message.Kind, message.ConsultationRequestId, failure.Attempts, failure.Error);
            }
            else
            {
                LogWillRetry(message.Id, message.Kind, failure.Attempts, failure.NextAttemptAt, failure.Error);
            }
        }
    }

    private sealed class BatchOutcome
    {
        public List<OutboxMessage> Sent { get; } = [];
        public List<FailedSend> Failed { get; } = [];
        public List<int> NotTried { get; } = [];
    }

    private sealed record FailedSend(OutboxMessage Message, int Attempts, string Error, DateTime NextAttemptAt, bool GaveUp);

    /// <summary>Base delay doubled per attempt, capped, with up to 20% jitter so instances do not retry in step.</summary>
    public static TimeSpan RetryDelay(int attempts, OutboxOptions outbox)
    {
        var exponential = outbox.BaseDelaySeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, outbox.MaxDelaySeconds);
        return TimeSpan.FromSeconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} emails: {OutboxMessageIds}")]
    private partial void LogBatchSent(int count, List<int> outboxMessageIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxMessageId} ({Kind}) attempt {Attempts} failed with {Error}; next attempt at {NextAttemptAt:o}")]
    private partial void LogWillRetry(int outboxMessageId, EmailKind kind, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {OutboxMessageId} ({Kind}) for request {ConsultationRequestId} failed after {Attempts} attempts ({Error}); marked failed")]
    private partial void LogGaveUp(int outboxMessageId, EmailKind kind, int consultationRequestId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher could not read the outbox; it will try again")]
    private partial void LogDispatchFailed(Exception exception);
}
