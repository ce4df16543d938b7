using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Schedule;

/// <summary>
/// The request page's "Call" section (_RequestBooking.cshtml): the request's calls, live or cancelled, and their
/// history from the audit log. A view component, so the request page includes it with one line.
/// </summary>
public sealed class RequestBookingViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int requestId, string reference)
    {
        var calls = await db.ConsultationCalls.AsNoTracking()
            .Where(c => c.ConsultationRequestId == requestId)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(HttpContext.RequestAborted);
        string[] actions = [AuditActions.CallBooked, AuditActions.CallChanged, AuditActions.CallCancelled, AuditActions.CallOutcomeRecorded];
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Subject == reference && actions.Contains(a.Action))
            .OrderBy(a => a.At)
            .ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/Staff/Schedule/_RequestBooking.cshtml", new RequestBookingSection(calls, history));
    }
}

public sealed record RequestBookingSection(IReadOnlyList<ConsultationCall> Calls, IReadOnlyList<AuditEntry> History);
