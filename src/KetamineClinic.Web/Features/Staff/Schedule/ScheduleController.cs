using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Booking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace KetamineClinic.Web.Features.Staff.Schedule;

/// <summary>
/// Today's and the next six days' calls, in the clinic's zone. Staff move or cancel a call (the visitor is emailed, as
/// when they do it themselves through their manage link) and record how a call went once its time has come.
/// </summary>
[Authorize]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class ScheduleController(ClinicDbContext db, CallBooking booking, AuditTrail audit, ILogger<ScheduleController> logger) : Controller
{
    public const int DaysShown = 7;
    public const string ChangeLabel = "Move the call to this time";

    [HttpGet(StaffRoutes.Schedule)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = booking.Now;
        var today = now.InZone(booking.Zone).Date;
        var from = booking.Zone.AtStartOfDay(today).ToInstant().ToDateTimeUtc();
        var until = booking.Zone.AtStartOfDay(today.PlusDays(DaysShown)).ToInstant().ToDateTimeUtc();
        var calls = await db.ConsultationCalls.AsNoTracking()
            .Where(c => c.CancelledAt == null && c.StartsAt >= from && c.StartsAt < until)
            .OrderBy(c => c.StartsAt).ThenBy(c => c.Seat)
            .Select(c => new { c.Id, c.StartsAt, c.EndsAt, c.Status, c.ConsultationRequestId, c.ConsultationRequest!.Reference, c.ConsultationRequest.IsUrgent })
            .ToListAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ScheduleViewed, null, $"{calls.Count} calls from {today:yyyy-MM-dd}", cancellationToken);

        var rows = calls.Select(c =>
        {
            var start = Instant.FromDateTimeUtc(c.StartsAt);
            var due = start <= now;
            return new ScheduleRow(
                c.Id, c.ConsultationRequestId, c.Reference, c.IsUrgent, start.InZone(booking.Zone).Date,
                $"{CallTimeLabels.Time(start, booking.Zone)}–{CallTimeLabels.Time(Instant.FromDateTimeUtc(c.EndsAt), booking.Zone)}",
                c.Status, CanMove: c.Status == CallStatus.Booked && !due, CanRecordOutcome: c.Status == CallStatus.Booked && due);
        }).ToList();
        var days = Enumerable.Range(0, DaysShown)
            .Select(offset => today.PlusDays(offset))
            .Select(day => new ScheduleDay(day == today ? $"Today, {CallTimeLabels.Day(day)}" : CallTimeLabels.Day(day), [.. rows.Where(r => r.Day == day)]))
            .ToList();
        return View(new SchedulePage(CallTimeLabels.ZoneName(booking.Zone), days));
    }

    [HttpGet(StaffRoutes.Schedule + "/{callId:int}/change")]
    public async Task<IActionResult> Change(int callId, CancellationToken cancellationToken)
    {
        if (await MovableCallAsync(callId, cancellationToken) is not { } call)
        {
            return NotFoundCall();
        }

        await audit.WriteAsync(AuditActions.ScheduleViewed, call.ConsultationRequest!.Reference, "change page", cancellationToken);
        return View(await ChangePageAsync(call, cancellationToken));
    }

    [HttpPost(StaffRoutes.Schedule + "/{callId:int}/change")]
    public async Task<IActionResult> Change(int callId, [FromForm(Name = ChooseTimeForm.FieldName)] string? start, CancellationToken cancellationToken)
    {
        if (await MovableCallAsync(callId, cancellationToken) is not { } call)
        {
            return NotFoundCall();
        }

        var error = ChooseTimeForm.ProblemWith(start, out var instant);
        if (error is null)
        {
            var outcome = await booking.ChangeAsync(call.Id, instant, AuditActor.From(User), null, cancellationToken);
            if (outcome == BookingOutcome.Booked)
            {
                LogChanged(call.ConsultationRequest!.Reference);
                TempData["Message"] = $"The call for {call.ConsultationRequest.Reference} is now at {CallTimeLabels.DayAndTime(instant, booking.Zone)}. The visitor is being emailed the new time.";
            }

            if (outcome is BookingOutcome.Booked or BookingOutcome.AlreadyBooked)
            {
                return Redirect(StaffRoutes.Schedule);
            }

            error = ChooseTimeForm.MessageFor(outcome);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await ChangePageAsync(call, cancellationToken, error, start));
    }

    [HttpGet(StaffRoutes.Schedule + "/{callId:int}/cancel")]
    public async Task<IActionResult> Cancel(int callId, CancellationToken cancellationToken)
    {
        if (await MovableCallAsync(callId, cancellationToken) is not { } call)
        {
            return NotFoundCall();
        }

        await audit.WriteAsync(AuditActions.ScheduleViewed, call.ConsultationRequest!.Reference, "cancel page", cancellationToken);
        return View(Summary(call));
    }

    [HttpPost(StaffRoutes.Schedule + "/{callId:int}/cancel")]
    [ActionName(nameof(Cancel))]
    public async Task<IActionResult> CancelConfirmed(int callId, CancellationToken cancellationToken)
    {
        if (await MovableCallAsync(callId, cancellationToken) is not { } call
            || !await booking.CancelAsync(call.Id, AuditActor.From(User), cancellationToken))
        {
            return NotFoundCall();
        }

        LogCancelled(call.ConsultationRequest!.Reference);
        TempData["Message"] = $"The call for {call.ConsultationRequest.Reference} is cancelled and its time is free. The visitor is being emailed.";
        return Redirect(StaffRoutes.Schedule);
    }

    [HttpPost(StaffRoutes.Schedule + "/{callId:int}/outcome")]
    public async Task<IActionResult> Outcome(int callId, string? outcome, CancellationToken cancellationToken)
    {
        var recorded = Enum.TryParse<CallStatus>(outcome, out var status)
            && await booking.RecordOutcomeAsync(callId, status, AuditActor.From(User), cancellationToken);
        TempData["Message"] = recorded
            ? $"Recorded: {status.Label()}."
            : "That could not be recorded: only a booked call whose time has come can be marked done or no-show.";
        return Redirect(StaffRoutes.Schedule);
    }

    /// <summary>A call staff may still move or cancel: booked, not yet cancelled or finished.</summary>
    private Task<ConsultationCall?> MovableCallAsync(int callId, CancellationToken cancellationToken) =>
        db.ConsultationCalls.AsNoTracking().Include(c => c.ConsultationRequest)
            .FirstOrDefaultAsync(c => c.Id == callId && c.CancelledAt == null && c.Status == CallStatus.Booked, cancellationToken);

    private CallSummary Summary(ConsultationCall call) =>
        new(call.Id, call.ConsultationRequestId, call.ConsultationRequest!.Reference, CallTimeLabels.DayAndTime(Instant.FromDateTimeUtc(call.StartsAt), booking.Zone));

    private async Task<ChangeCallPage> ChangePageAsync(ConsultationCall call, CancellationToken cancellationToken, string? error = null, string? selected = null)
    {
        var form = await booking.ChooseTimeFormAsync(
            call.ConsultationRequest!.State, StaffRoutes.ChangeCall(call.Id), null, ChangeLabel, call.Id, cancellationToken, error, selected);
        return new ChangeCallPage(Summary(call), form with { Legend = "Choose a time to move the call to" });
    }

    private ViewResult NotFoundCall()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("CallNotFound");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call for request {Reference} changed by staff")]
    private partial void LogChanged(string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call for request {Reference} cancelled by staff")]
    private partial void LogCancelled(string reference);
}

public sealed record SchedulePage(string ZoneName, IReadOnlyList<ScheduleDay> Days);

public sealed record ScheduleDay(string Label, IReadOnlyList<ScheduleRow> Calls);

public sealed record ScheduleRow(
    int CallId, int RequestId, string Reference, bool IsUrgent, LocalDate Day, string Time, CallStatus Status, bool CanMove, bool CanRecordOutcome);

public sealed record CallSummary(int CallId, int RequestId, string Reference, string Time);

public sealed record ChangeCallPage(CallSummary Call, ChooseTimeForm Form);
