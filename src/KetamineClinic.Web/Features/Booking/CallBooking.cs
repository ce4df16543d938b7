using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

public enum BookingOutcome
{
    Booked,

    /// <summary>The request already has a live call (a repeated post): nothing new was booked.</summary>
    AlreadyBooked,

    /// <summary>Not one of the times the clinic offers (past, outside the hours, beyond the horizon, malformed).</summary>
    NotOffered,

    /// <summary>Offered, but every seat was taken, perhaps a moment ago by someone else.</summary>
    Taken,
}

public sealed record BookingResult(BookingOutcome Outcome, ConsultationCall? Call = null);

/// <summary>
/// Books, moves and cancels calls. A seat is claimed by writing the call: the filtered unique index on (start, seat)
/// lets exactly one of two simultaneous claims in, on one database however many app instances there are. Each change
/// is written with its emails and reminders (outbox rows) and its audit entry in one transaction.
/// </summary>
public sealed class CallBooking(
    ClinicDbContext db,
    TimeProvider time,
    IOptions<ClinicOptions> clinic,
    IOptions<BookingOptions> options,
    BookingEmails emails,
    AuditTrail audit)
{
    /// <summary>How long a manage link works after its call's time.</summary>
    public static readonly TimeSpan ManageLinkMargin = TimeSpan.FromDays(7);

    public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[clinic.Value.TimeZone];

    public Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    public async Task<AvailabilityRules> RulesAsync(CancellationToken cancellationToken) =>
        AvailabilitySettingsText.ToRules(await db.AvailabilitySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken));

    /// <summary>The times a visitor can choose now; <paramref name="except"/> (the visitor's own call) does not count as booked.</summary>
    public async Task<IReadOnlyList<CallSlot>> OpenSlotsAsync(CancellationToken cancellationToken, int? except = null)
    {
        var rules = await RulesAsync(cancellationToken);
        var now = Now.ToDateTimeUtc();
        var starts = await db.ConsultationCalls.AsNoTracking()
            .Where(c => c.CancelledAt == null && c.StartsAt >= now && c.Id != except)
            .Select(c => c.StartsAt)
            .ToListAsync(cancellationToken);
        var booked = starts.GroupBy(s => Instant.FromDateTimeUtc(s)).ToDictionary(g => g.Key, g => g.Count());
        return CallSlots.Open(rules, Zone, Now, booked);
    }

    /// <summary>The "Choose a time" form of a request's first booking: its visitor's own zone beside the clinic's when they differ.</summary>
    public Task<ChooseTimeForm> ChooseTimeFormAsync(string reference, string state, CancellationToken cancellationToken, string? error = null, string? selected = null) =>
        ChooseTimeFormAsync(state, BookingRoutes.Call(reference), BookingRoutes.NoTime(reference), "Book this call", null, cancellationToken, error, selected);

    /// <summary>The "Choose a time" form posting to <paramref name="action"/>; <paramref name="except"/> is the call being moved.</summary>
    public async Task<ChooseTimeForm> ChooseTimeFormAsync(
        string state, string action, string? noneHref, string submitLabel, int? except, CancellationToken cancellationToken, string? error = null, string? selected = null) =>
        ChooseTimeForm.Build(
            await OpenSlotsAsync(cancellationToken, except),
            Zone,
            StateTimeZones.OtherThanClinic(state, Zone),
            action,
            noneHref,
            submitLabel,
            error,
            selected);

    public async Task<BookingResult> BookAsync(int requestId, string reference, Instant start, CancellationToken cancellationToken)
    {
        if (await LiveCallAsync(requestId, cancellationToken) is { } existing)
        {
            return new BookingResult(BookingOutcome.AlreadyBooked, existing);
        }

        var rules = await RulesAsync(cancellationToken);
        if (!CallSlots.IsOffered(rules, Zone, Now, start))
        {
            return new BookingResult(BookingOutcome.NotOffered);
        }

        var now = Now.ToDateTimeUtc();
        var startsAt = start.ToDateTimeUtc();
        for (var seat = 1; seat <= rules.CallsAtOnce; seat++)
        {
            var token = ManageToken.New();
            var call = new ConsultationCall
            {
                ConsultationRequestId = requestId,
                StartsAt = startsAt,
                EndsAt = (start + rules.CallLength).ToDateTimeUtc(),
                Seat = seat,
                CalendarUid = $"{Guid.NewGuid():N}@{CalendarHost}",
                ManageTokenHash = token.Hash,
                ManageTokenExpiresAt = startsAt + ManageLinkMargin,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            var claimed = await ClaimAsync(
                () => db.ConsultationCalls.Add(call),
                () =>
                {
                    db.OutboxMessages.Add(emails.NewMessage(EmailKind.CallBooked, call, now, manageToken: token.Value));
                    QueueReminders(call, now);
                    audit.Add(AuditActions.CallBooked, reference, $"starts {startsAt:o}", AuditActor.Visitor);
                },
                cancellationToken);
            if (claimed)
            {
                return new BookingResult(BookingOutcome.Booked, call);
            }

            if (await LiveCallAsync(requestId, cancellationToken) is { } raced)
            {
                return new BookingResult(BookingOutcome.AlreadyBooked, raced);
            }
        }

        return new BookingResult(BookingOutcome.Taken);
    }

    /// <summary>Moves a live call to <paramref name="start"/>; its old time is free the moment this commits.</summary>
    public async Task<BookingOutcome> ChangeAsync(int callId, Instant start, AuditActor actor, string? manageToken, CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        if (!CallSlots.IsOffered(rules, Zone, Now, start))
        {
            return BookingOutcome.NotOffered;
        }

        var now = Now.ToDateTimeUtc();
        var startsAt = start.ToDateTimeUtc();
        for (var seat = 1; seat <= rules.CallsAtOnce; seat++)
        {
            var call = await db.ConsultationCalls.Include(c => c.ConsultationRequest)
                .FirstOrDefaultAsync(c => c.Id == callId && c.CancelledAt == null && c.Status == CallStatus.Booked, cancellationToken);
            if (call is null)
            {
                return BookingOutcome.NotOffered;
            }

            if (call.StartsAt == startsAt)
            {
                return BookingOutcome.AlreadyBooked;
            }

            var from = call.StartsAt;
            var claimed = await ClaimAsync(
                () =>
                {
                    call.StartsAt = startsAt;
                    call.EndsAt = (start + rules.CallLength).ToDateTimeUtc();
                    call.Seat = seat;
                    call.Sequence++;
                    call.UpdatedAt = now;
                    call.ManageTokenExpiresAt = startsAt + ManageLinkMargin;
                    call.Version = Guid.NewGuid();
                },
                () =>
                {
                    RemovePendingReminders(call.Id);
                    db.OutboxMessages.Add(emails.NewMessage(EmailKind.CallChanged, call, now, manageToken: manageToken));
                    QueueReminders(call, now);
                    audit.Add(AuditActions.CallChanged, call.ConsultationRequest!.Reference, $"from {from:o} to {startsAt:o}", actor);
                },
                cancellationToken);
            if (claimed)
            {
                return BookingOutcome.Booked;
            }
        }

        return BookingOutcome.Taken;
    }

    /// <summary>Cancels a live call: its seat is free at once, its reminders go, and the visitor gets a METHOD:CANCEL email.</summary>
    public async Task<bool> CancelAsync(int callId, AuditActor actor, CancellationToken cancellationToken)
    {
        var call = await db.ConsultationCalls.Include(c => c.ConsultationRequest)
            .FirstOrDefaultAsync(c => c.Id == callId && c.CancelledAt == null && c.Status == CallStatus.Booked, cancellationToken);
        if (call is null)
        {
            return false;
        }

        var now = Now.ToDateTimeUtc();
        call.CancelledAt = now;
        call.Status = CallStatus.Cancelled;
        call.Sequence++;
        call.UpdatedAt = now;
        call.Version = Guid.NewGuid();
        RemovePendingReminders(call.Id);
        db.OutboxMessages.Add(emails.NewMessage(EmailKind.CallCancelled, call, now));
        audit.Add(AuditActions.CallCancelled, call.ConsultationRequest!.Reference, $"was {call.StartsAt:o}", actor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Records how a call went (<see cref="CallStatus.Done"/> or <see cref="CallStatus.NoShow"/>), once its time has come;
    /// false for any other status, a call not yet due, or one that is cancelled or already recorded. Nothing is emailed.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(int callId, CallStatus outcome, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = Now.ToDateTimeUtc();
        var call = await db.ConsultationCalls.Include(c => c.ConsultationRequest)
            .FirstOrDefaultAsync(c => c.Id == callId && c.CancelledAt == null && c.Status == CallStatus.Booked && c.StartsAt <= now, cancellationToken);
        if (call is null || outcome is not (CallStatus.Done or CallStatus.NoShow))
        {
            return false;
        }

        call.Status = outcome;
        call.UpdatedAt = now;
        call.Version = Guid.NewGuid();
        RemovePendingReminders(call.Id);
        audit.Add(AuditActions.CallOutcomeRecorded, call.ConsultationRequest!.Reference, outcome.ToString(), actor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<ConsultationCall?> LiveCallAsync(int requestId, CancellationToken cancellationToken) =>
        db.ConsultationCalls.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConsultationRequestId == requestId && c.CancelledAt == null, cancellationToken);

    /// <summary>The live call a manage token opens, or null for a token that is forged, expired or of a cancelled or finished call.</summary>
    public async Task<ConsultationCall?> CallForTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.LooksValid(token))
        {
            return null;
        }

        var hash = ManageToken.HashOf(token!);
        var now = Now.ToDateTimeUtc();
        return await db.ConsultationCalls.AsNoTracking().Include(c => c.ConsultationRequest)
            .FirstOrDefaultAsync(c => c.ManageTokenHash == hash && c.ManageTokenExpiresAt > now && c.CancelledAt == null && c.Status == CallStatus.Booked, cancellationToken);
    }

    /// <summary>
    /// Writes the seat claim and, in the same transaction, what goes with it (emails, reminders, audit). False when the
    /// unique index refused the seat: then nothing at all was written.
    /// </summary>
    private async Task<bool> ClaimAsync(Action claim, Action alongside, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                claim();
                await db.SaveChangesAsync(cancellationToken);
                alongside();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private void QueueReminders(ConsultationCall call, DateTime now)
    {
        foreach (var hours in options.Value.Reminders)
        {
            var at = call.StartsAt.AddHours(-hours);
            if (at > now)
            {
                db.OutboxMessages.Add(emails.NewMessage(EmailKind.CallReminder, call, now, sendAt: at));
            }
        }
    }

    private void RemovePendingReminders(int callId)
    {
        foreach (var reminder in db.OutboxMessages.Where(m => m.ConsultationCallId == callId && m.Kind == EmailKind.CallReminder && m.Status == OutboxStatus.Pending))
        {
            db.OutboxMessages.Remove(reminder);
        }
    }

    private string CalendarHost =>
        Uri.TryCreate(clinic.Value.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl.Host : "ketamineclinic.local";
}
