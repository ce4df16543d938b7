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

public sealed record BookingResult(BookingOutcome Outcome, ConsultationCall? Call = null, ManageToken? Token = null);

/// <summary>
/// Books, lists and frees call times. A seat is claimed by inserting the call: the filtered unique index on
/// (start, seat) lets exactly one of two simultaneous claims in, on one database however many app instances there are.
/// </summary>
public sealed class CallBooking(ClinicDbContext db, TimeProvider time, IOptions<ClinicOptions> clinic, AuditTrail audit)
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

    /// <summary>The "Choose a time" form for a request: its visitor's own zone beside the clinic's when they differ.</summary>
    public async Task<ChooseTimeForm> ChooseTimeFormAsync(string reference, string state, CancellationToken cancellationToken, string? error = null, string? selected = null) =>
        ChooseTimeForm.Build(
            await OpenSlotsAsync(cancellationToken),
            Zone,
            StateTimeZones.OtherThanClinic(state, Zone),
            BookingRoutes.Call(reference),
            BookingRoutes.NoTime(reference),
            "Book this call",
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
            db.ConsultationCalls.Add(call);
            audit.Add(AuditActions.CallBooked, reference, $"starts {startsAt:o}", AuditActor.Visitor);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new BookingResult(BookingOutcome.Booked, call, token);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                db.ChangeTracker.Clear();
                if (await LiveCallAsync(requestId, cancellationToken) is { } raced)
                {
                    return new BookingResult(BookingOutcome.AlreadyBooked, raced);
                }
            }
        }

        return new BookingResult(BookingOutcome.Taken);
    }

    public Task<ConsultationCall?> LiveCallAsync(int requestId, CancellationToken cancellationToken) =>
        db.ConsultationCalls.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConsultationRequestId == requestId && c.CancelledAt == null, cancellationToken);

    private string CalendarHost =>
        Uri.TryCreate(clinic.Value.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl.Host : "ketamineclinic.local";
}
