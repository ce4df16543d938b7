using System.Threading.Channels;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Data.Sqlite;
using KetamineClinic.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Consultation;

public sealed record IntakeResult(int ConsultationRequestId, string Reference, bool IsUrgent, bool WasRepeat);

/// <summary>
/// Stores accepted requests in groups (a group commit): every request waiting at that moment goes into one
/// transaction, each with its two outbox rows (the emails, rendered when sent), and each sender is answered only after that commit. On
/// SQLite a commit waits for the disk and holds the only write lock, so one commit per waiting group instead
/// of one per request is what keeps latency flat when many people submit at once.
/// </summary>
public sealed partial class ConsultationWriter(
    IServiceScopeFactory scopes,
    ConsultationEmails emails,
    DatabaseWriteGate writeGate,
    OutboxSignal outbox,
    ILogger<ConsultationWriter> logger) : BackgroundService
{
    public const int MaxGroupSize = 64;
    private const int MaxAttempts = 4;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once the request is committed, or was already stored under the same idempotency key.</summary>
    public Task<IntakeResult> WriteAsync(ConsultationRequest request)
    {
        var pending = new PendingWrite(request);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is stopping; the consultation request was not stored.");
        }

        return pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteWaitingGroupAsync(group);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the server has already finished its requests; write whatever they left queued.
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (await WriteWaitingGroupAsync(group) > 0)
            {
                // Until the queue is empty.
            }
        }
    }

    private async Task<int> WriteWaitingGroupAsync(List<PendingWrite> group)
    {
        group.Clear();
        while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var pending))
        {
            group.Add(pending);
        }

        if (group.Count == 0)
        {
            return 0;
        }

        try
        {
            await StoreAsync(group);
            outbox.Notify();
        }
        catch (Exception ex)
        {
            // Nothing of this group was committed; each sender gets the error (and an error page), none a confirmation.
            LogGroupFailed(ex, group.Count);
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(ex);
            }
        }

        return group.Count;
    }

    private async Task StoreAsync(List<PendingWrite> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();

        var toStore = await SetAsideRepeatsAsync(db, group);
        for (var attempt = 1; toStore.Count > 0; attempt++)
        {
            try
            {
                await InsertAsync(db, toStore);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A unique index refused a row: another instance stored the same form meanwhile (found as a
                // repeat on the next pass) or, very rarely, a reference was already taken, so all are redrawn.
                LogRetry(attempt, toStore.Count);
                toStore = await SetAsideRepeatsAsync(db, toStore);
                foreach (var pending in toStore)
                {
                    pending.Request.Reference = ReferenceCode.New().Value;
                }
            }
        }

        foreach (var pending in group)
        {
            pending.Completion.TrySetResult(ResultOf(pending));
        }
    }

    private static IntakeResult ResultOf(PendingWrite pending)
    {
        if (pending.Existing is { } existing)
        {
            return existing;
        }

        if (pending.RepeatOf is { } first)
        {
            return ResultOf(first) with { WasRepeat = true };
        }

        var request = pending.Request;
        return new IntakeResult(request.Id, request.Reference, request.IsUrgent, WasRepeat: false);
    }

    /// <summary>
    /// Marks the group's repeats (stored before, or earlier in this group) and returns those left to insert.
    /// </summary>
    private static async Task<List<PendingWrite>> SetAsideRepeatsAsync(ClinicDbContext db, List<PendingWrite> group)
    {
        var keys = group.Select(p => p.Request.IdempotencyKey).Distinct().ToList();
        var stored = await db.ConsultationRequests.AsNoTracking()
            .Where(r => keys.Contains(r.IdempotencyKey))
            .Select(r => new { r.IdempotencyKey, r.Id, r.Reference, r.IsUrgent })
            .ToDictionaryAsync(r => r.IdempotencyKey, CancellationToken.None);

        var toStore = new List<PendingWrite>(group.Count);
        var firstByKey = new Dictionary<Guid, PendingWrite>();
        foreach (var pending in group)
        {
            var key = pending.Request.IdempotencyKey;
            if (stored.TryGetValue(key, out var existing))
            {
                pending.Existing = new IntakeResult(existing.Id, existing.Reference, existing.IsUrgent, WasRepeat: true);
            }
            else if (firstByKey.TryGetValue(key, out var first))
            {
                pending.RepeatOf = first;
            }
            else
            {
                firstByKey[key] = pending;
                toStore.Add(pending);
            }
        }

        return toStore;
    }

    private async Task InsertAsync(ClinicDbContext db, List<PendingWrite> toStore)
    {
        // Once a group is taken, it is written to the end: a sender who gave up waiting must not leave half a request.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            foreach (var pending in toStore)
            {
                pending.Request.Id = 0;
                emails.Queue(pending.Request);
            }

            // One SaveChanges is one transaction: the requests and their outbox rows are committed together.
            using var turn = await writeGate.EnterAsync(CancellationToken.None);
            db.ConsultationRequests.AddRange(toStore.Select(p => p.Request));
            await db.SaveChangesAsync(CancellationToken.None);
        });
    }

    private sealed class PendingWrite(ConsultationRequest request)
    {
        public ConsultationRequest Request { get; } = request;

        // Continuations run off the writer's loop, so it goes straight on to the next group.
        public TaskCompletionSource<IntakeResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the same form was already stored before this group.</summary>
        public IntakeResult? Existing { get; set; }

        /// <summary>Set when the same form came earlier in this group.</summary>
        public PendingWrite? RepeatOf { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} consultation requests hit a unique index on attempt {Attempt}; retrying")]
    private partial void LogRetry(int attempt, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a group of {Count} consultation requests failed; none was stored")]
    private partial void LogGroupFailed(Exception exception, int count);
}
