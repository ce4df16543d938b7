using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Features.Consultation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// The steps after a request is stored: choose a time, see the booked call, download it. Only the browser that sent the
/// request (its <see cref="ConfirmationCookie"/>) sees them; anyone else gets the generic confirmation page.
/// </summary>
[AutoValidateAntiforgeryToken]
[EnableRateLimiting(BookingServiceCollectionExtensions.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class BookingController(
    ClinicDbContext db,
    CallBooking booking,
    ConfirmationCookie confirmation,
    IOptions<ClinicOptions> clinic,
    ILogger<BookingController> logger) : Controller
{
    [HttpPost(BookingRoutes.CallTemplate)]
    public async Task<IActionResult> Book(string reference, [FromForm(Name = ChooseTimeForm.FieldName)] string? start, CancellationToken cancellationToken)
    {
        if (await OwnRequestAsync(reference, cancellationToken) is not { } request || request.Phone.Length == 0)
        {
            return Redirect(BookingRoutes.Received(reference));
        }

        var error = ChooseTimeForm.ProblemWith(start, out var instant);
        if (error is null)
        {
            var result = await booking.BookAsync(request.Id, request.Reference, instant, cancellationToken);
            switch (result.Outcome)
            {
                case BookingOutcome.Booked:
                    LogBooked(request.Reference);
                    return Redirect(BookingRoutes.Call(request.Reference));
                case BookingOutcome.AlreadyBooked:
                    return Redirect(BookingRoutes.Call(request.Reference));
                case BookingOutcome.Taken:
                    LogTaken(request.Reference);
                    break;
            }

            error = ChooseTimeForm.MessageFor(result.Outcome);
        }

        var page = new ConsultationReceivedPage(request.Reference, request.IsUrgent)
        {
            ChooseTime = await booking.ChooseTimeFormAsync(request.Reference, request.State, cancellationToken, error, start),
        };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Features/Consultation/Received.cshtml", page);
    }

    [HttpGet(BookingRoutes.CallTemplate)]
    public async Task<IActionResult> Booked(string reference, CancellationToken cancellationToken)
    {
        if (await OwnRequestAsync(reference, cancellationToken) is not { } request
            || await booking.LiveCallAsync(request.Id, cancellationToken) is not { } call)
        {
            return Redirect(BookingRoutes.Received(reference));
        }

        return View(BookedCallPage.Of(request, call, booking.Zone, BookingRoutes.CalendarFile(request.Reference)));
    }

    [HttpGet(BookingRoutes.CalendarFileTemplate)]
    public async Task<IActionResult> Calendar(string reference, CancellationToken cancellationToken)
    {
        if (await OwnRequestAsync(reference, cancellationToken) is not { } request
            || await booking.LiveCallAsync(request.Id, cancellationToken) is not { } call)
        {
            return Redirect(BookingRoutes.Received(reference));
        }

        var ics = CallCalendar.Write(call, clinic.Value, booking.Zone, CalendarMethods.Publish);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), CallCalendar.ContentType, "consultation-call.ics");
    }

    [HttpGet(BookingRoutes.NoTimeTemplate)]
    public async Task<IActionResult> NoTime(string reference, CancellationToken cancellationToken) =>
        await OwnRequestAsync(reference, cancellationToken) is { } request
            ? View(new ConsultationReceivedPage(request.Reference, request.IsUrgent))
            : Redirect(BookingRoutes.Received(reference));

    /// <summary>The request, if <paramref name="reference"/> is one and this browser sent it.</summary>
    private async Task<ConsultationRequest?> OwnRequestAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ReferenceCode.TryParse(reference, out var code) || !confirmation.Matches(HttpContext, code.Value))
        {
            return null;
        }

        var value = code.Value;
        return await db.ConsultationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == value, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call booked for request {Reference}")]
    private partial void LogBooked(string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call time for request {Reference} was taken by another booking first")]
    private partial void LogTaken(string reference);
}

/// <summary>The confirmation of a booked call (Booked.cshtml).</summary>
public sealed record BookedCallPage(string Reference, bool IsUrgent, string BookedTime, string? VisitorTime, int Minutes, string CalendarHref)
{
    public static BookedCallPage Of(ConsultationRequest request, ConsultationCall call, DateTimeZone zone, string calendarHref)
    {
        var start = Instant.FromDateTimeUtc(call.StartsAt);
        var visitor = StateTimeZones.OtherThanClinic(request.State, zone);
        return new BookedCallPage(
            request.Reference,
            request.IsUrgent,
            CallTimeLabels.DayAndTime(start, zone),
            visitor is null ? null : CallTimeLabels.DayAndTime(start, visitor),
            (int)(call.EndsAt - call.StartsAt).TotalMinutes,
            calendarHref);
    }
}
