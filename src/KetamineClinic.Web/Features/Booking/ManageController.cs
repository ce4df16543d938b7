using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// The visitor's manage link from the booking email: see the call, move it to another time, or cancel it. A token that
/// is malformed, forged, expired or of a cancelled call gets the same page, so it says nothing about which tokens exist.
/// </summary>
[AutoValidateAntiforgeryToken]
[EnableRateLimiting(BookingServiceCollectionExtensions.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class ManageController(CallBooking booking, ILogger<ManageController> logger) : Controller
{
    public const string ChangeLabel = "Change to this time";

    [HttpGet(BookingRoutes.ManageTemplate)]
    public async Task<IActionResult> Index(string token, [FromQuery] bool changed, CancellationToken cancellationToken) =>
        await booking.CallForTokenAsync(token, cancellationToken) is { } call
            ? View("Manage", await PageAsync(token, call, cancellationToken, changed: changed))
            : LinkNotValid();

    [HttpPost(BookingRoutes.ManageTemplate)]
    public async Task<IActionResult> Change(string token, [FromForm(Name = ChooseTimeForm.FieldName)] string? start, CancellationToken cancellationToken)
    {
        if (await booking.CallForTokenAsync(token, cancellationToken) is not { } call)
        {
            return LinkNotValid();
        }

        var error = ChooseTimeForm.ProblemWith(start, out var instant);
        if (error is null)
        {
            switch (await booking.ChangeAsync(call.Id, instant, AuditActor.Visitor, token, cancellationToken))
            {
                case BookingOutcome.Booked:
                    LogChanged(call.ConsultationRequest!.Reference);
                    return Redirect(BookingRoutes.Manage(token) + "?changed=true");
                case BookingOutcome.AlreadyBooked:
                    return Redirect(BookingRoutes.Manage(token));
                case var outcome:
                    error = ChooseTimeForm.MessageFor(outcome);
                    break;
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Manage", await PageAsync(token, call, cancellationToken, error, start));
    }

    [HttpGet(BookingRoutes.CancelTemplate)]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken) =>
        await booking.CallForTokenAsync(token, cancellationToken) is { } call
            ? View(new CancelCallPage(call.ConsultationRequest!.Reference, Label(call), BookingRoutes.Cancel(token), BookingRoutes.Manage(token)))
            : LinkNotValid();

    [HttpPost(BookingRoutes.CancelTemplate)]
    [ActionName(nameof(Cancel))]
    public async Task<IActionResult> CancelConfirmed(string token, CancellationToken cancellationToken)
    {
        if (await booking.CallForTokenAsync(token, cancellationToken) is not { } call
            || !await booking.CancelAsync(call.Id, AuditActor.Visitor, cancellationToken))
        {
            return LinkNotValid();
        }

        LogCancelled(call.ConsultationRequest!.Reference);
        return View("Cancelled", new CancelCallPage(call.ConsultationRequest.Reference, Label(call), "", ""));
    }

    private async Task<ManageCallPage> PageAsync(string token, ConsultationCall call, CancellationToken cancellationToken, string? error = null, string? selected = null, bool changed = false)
    {
        var request = call.ConsultationRequest!;
        var form = await booking.ChooseTimeFormAsync(request.State, BookingRoutes.Manage(token), null, ChangeLabel, call.Id, cancellationToken, error, selected);
        var visitor = StateTimeZones.OtherThanClinic(request.State, booking.Zone);
        var start = Instant.FromDateTimeUtc(call.StartsAt);
        return new ManageCallPage(
            request.Reference,
            Label(call),
            visitor is null ? null : CallTimeLabels.DayAndTime(start, visitor),
            changed,
            form with { Legend = "Choose a time to move your call to" },
            BookingRoutes.Cancel(token));
    }

    private string Label(ConsultationCall call) => CallTimeLabels.DayAndTime(Instant.FromDateTimeUtc(call.StartsAt), booking.Zone);

    private ViewResult LinkNotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("LinkNotValid");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call for request {Reference} changed by the visitor")]
    private partial void LogChanged(string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call for request {Reference} cancelled by the visitor")]
    private partial void LogCancelled(string reference);
}

public sealed record ManageCallPage(string Reference, string BookedTime, string? VisitorTime, bool Changed, ChooseTimeForm ChangeForm, string CancelHref);

public sealed record CancelCallPage(string Reference, string BookedTime, string Action, string BackHref);
