using FluentValidation;
using FluentValidation.AspNetCore;
using KetamineClinic.Data;
using KetamineClinic.Web.Forms;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>Every POST here checks its antiforgery token (<see cref="ForgivingFormPostAttribute"/> on the form's own POST).</summary>
[AutoValidateAntiforgeryToken]
public sealed partial class ConsultationController(
    IValidator<ConsultationForm> validator,
    FormBotCheck botCheck,
    ConfirmationCookie confirmation,
    ILogger<ConsultationController> logger) : Controller
{
    public const int MaxRequestBytes = 64 * 1024;
    public const string ExpiredMessage =
        "This form was opened a long time ago, so for your security it has to be sent again. Nothing was sent yet: check your answers and press the button.";

    [HttpGet("/consultation")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Index() =>
        View(ConsultationPage.Blank(new ConsultationForm { IdempotencyKey = Guid.NewGuid(), FormStarted = botCheck.IssueStartToken() }));

    [HttpPost("/consultation")]
    [EnableRateLimiting(ConsultationServiceCollectionExtensions.RateLimitPolicy)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = 200, KeyLengthLimit = 200, ValueLengthLimit = 16 * 1024, MultipartBodyLengthLimit = MaxRequestBytes)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ForgivingFormPost]
    public async Task<IActionResult> Index(
        ConsultationForm form,
        [FromServices] ConsultationIntake intake,
        [FromServices] ClientAddressHasher addressHasher,
        CancellationToken cancellationToken)
    {
        if (botCheck.ReasonToDiscard(form) is { } reason)
        {
            // Looks like success to the sender; nothing is stored.
            LogDiscarded(reason);
            return RedirectToReceived(ReferenceCode.New().Value);
        }

        form.Trim();

        // Binding errors (a bool or Guid that was not one) are covered by the validator's own, friendlier messages.
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, cancellationToken);
        List<FieldError> problems = [.. FormProblems.Of(HttpContext).Describe(ModelState)];
        if (botCheck.HasExpired(form))
        {
            problems.Add(new FieldError(null, ExpiredMessage));
            form.FormStarted = botCheck.IssueStartToken();
        }

        if (!validation.IsValid || problems.Count > 0)
        {
            validation.AddToModelState(ModelState);
            if (form.IdempotencyKey == Guid.Empty)
            {
                form.IdempotencyKey = Guid.NewGuid();
            }

            return View(ConsultationPage.Returned(form, problems, validation));
        }

        var source = new SubmissionSource(
            addressHasher.HashAddress(HttpContext.Connection.RemoteIpAddress),
            Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
        // Not cancellable: once handed over, the request is stored even if the sender stops waiting.
        var result = await intake.SubmitAsync(form, source);
        confirmation.Issue(HttpContext, result.Reference);
        return RedirectToReceived(result.Reference);
    }

    [HttpGet("/consultation/received/{reference}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Received(string reference, [FromServices] ClinicDbContext db, [FromServices] Booking.CallBooking booking, CancellationToken cancellationToken)
    {
        if (!ReferenceCode.TryParse(reference, out var code) || !confirmation.Matches(HttpContext, code.Value))
        {
            return View(ConsultationReceivedPage.Generic);
        }

        var value = code.Value;
        var request = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Reference == value)
            .Select(r => new { r.Id, r.IsUrgent, r.State, r.Email, r.Phone, Booked = r.Calls.Any(c => c.CancelledAt == null) })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return View(ConsultationReceivedPage.Generic);
        }

        // The next step is choosing a time for the call (Features/Booking); once booked, this page is the booking's.
        if (request.Booked)
        {
            return Redirect(Booking.BookingRoutes.Call(value));
        }

        return View(new ConsultationReceivedPage(value, request.IsUrgent)
        {
            // The call is a phone call: a visitor who gave no number (they chose email) is contacted by the team instead.
            ChooseTime = request.Phone.Length == 0 ? null : await booking.ChooseTimeFormAsync(value, request.State, cancellationToken),
            MaskedEmail = Clinic.EmailAddressMask.Mask(request.Email),
        });
    }

    // Built by hand: route generation would lower-case the reference (RouteOptions.LowercaseUrls).
    private RedirectResult RedirectToReceived(string reference) => Redirect($"/consultation/received/{reference}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consultation form post discarded as automated ({Reason}); nothing stored")]
    private partial void LogDiscarded(string reason);
}

/// <summary>The confirmation page: details only for the browser that sent the request.</summary>
public sealed record ConsultationReceivedPage(string? Reference, bool IsUrgent)
{
    /// <summary>The next step, choosing a time for the call; null on the generic page.</summary>
    public Booking.ChooseTimeForm? ChooseTime { get; init; }

    /// <summary>Where the acknowledgement went, partly hidden ("a•••@example.com"); null on the generic page.</summary>
    public string? MaskedEmail { get; init; }

    public static ConsultationReceivedPage Generic { get; } = new(null, false);
}
