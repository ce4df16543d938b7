using FluentValidation;
using FluentValidation.AspNetCore;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Booking;
using KetamineClinic.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Availability;

/// <summary>
/// The clinic's calling hours (Admin): the one <see cref="AvailabilitySettings"/> row, which the visitor's "Choose a
/// time" list reads on every request, so a saved change shows at once.
/// </summary>
[Authorize(Roles = StaffRoles.Admin)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AvailabilityController(ClinicDbContext db, CallBooking booking, AuditTrail audit, IValidator<AvailabilityForm> validator, TimeProvider time) : Controller
{
    private const int MaxAuditDetails = 500;

    public const string SavedMessage = "Availability saved. Visitors see the new times now.";

    [HttpGet(StaffRoutes.Availability)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(AuditActions.AvailabilityViewed, null, null, cancellationToken);
        return View(new AvailabilityPage(AvailabilityForm.From(await booking.RulesAsync(cancellationToken)), ErrorSummary.None));
    }

    [HttpPost(StaffRoutes.Availability)]
    public async Task<IActionResult> Index(AvailabilityForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Normalize(AvailabilityForm.From(await booking.RulesAsync(cancellationToken)).ClosedDates);
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new AvailabilityPage(form, new ErrorSummary(
                [.. validation.Errors.Select(e => new FieldError(Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(e.PropertyName, "_"), e.ErrorMessage))])));
        }

        var saved = form.ToSettings(time.GetUtcNow().UtcDateTime);
        var row = await db.AvailabilitySettings.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            db.AvailabilitySettings.Add(saved);
        }
        else
        {
            row.WeeklyHours = saved.WeeklyHours;
            row.CallMinutes = saved.CallMinutes;
            row.CallsAtOnce = saved.CallsAtOnce;
            row.DaysAhead = saved.DaysAhead;
            row.MinimumNoticeMinutes = saved.MinimumNoticeMinutes;
            row.ClosedDates = saved.ClosedDates;
            row.UpdatedAt = saved.UpdatedAt;
        }

        var details = $"{saved.WeeklyHours.Replace('\n', ';')}; {saved.CallMinutes} min; {saved.CallsAtOnce} at once; {saved.DaysAhead} days; {saved.MinimumNoticeMinutes} min notice; closed {saved.ClosedDates.Replace('\n', ',')}";
        audit.Add(AuditActions.AvailabilityChanged, null, details.Length <= MaxAuditDetails ? details : details[..(MaxAuditDetails - 1)] + "…");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = SavedMessage;
        return Redirect(StaffRoutes.Availability);
    }
}

public sealed record AvailabilityPage(AvailabilityForm Form, ErrorSummary Problems);
