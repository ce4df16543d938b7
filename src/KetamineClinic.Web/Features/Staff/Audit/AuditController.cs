using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Audit;

public sealed record AuditFilter(string? Action, DateOnly? From, DateOnly? To, string? Actor);

/// <param name="References">The reference of each request the shown rows name, by id (a request since deleted has none).</param>
public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<int, string> References, Paging Paging)
{
    public Pager Pager => new(Paging, PageUrl);

    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("action", Filter.Action);
        Add("from", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("actor", Filter.Actor);
        Add("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return query.Count == 0 ? StaffRoutes.Audit : StaffRoutes.Audit + "?" + string.Join("&", query);
    }
}

[Authorize(Roles = StaffRoles.Admin)]
public sealed class AuditController(ClinicDbContext db, ClinicClock clock) : Controller
{
    public const int PageSize = 50;

    [HttpGet(StaffRoutes.Audit)]
    public async Task<IActionResult> Index([FromQuery(Name = "action")] string? auditAction, DateOnly? from, DateOnly? to, string? actor, int page, CancellationToken cancellationToken)
    {
        // Bound from the query only: "action" is also MVC's route value for the action's name.
        var filter = new AuditFilter(string.IsNullOrWhiteSpace(auditAction) ? null : auditAction.Trim(), from, to, string.IsNullOrWhiteSpace(actor) ? null : actor.Trim());
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.Action is { } name)
        {
            var stored = AuditActions.StoredNamesOf(name);
            entries = entries.Where(e => stored.Contains(e.Action));
        }

        // Dates are clinic-local calendar days, "to" inclusive.
        if (filter.From is { } first)
        {
            var start = clock.StartOfLocalDayUtc(first);
            entries = entries.Where(e => e.At >= start);
        }

        // The last day there is has no day after it: no upper bound.
        if (filter.To is { } last && last < DateOnly.MaxValue)
        {
            var end = clock.StartOfLocalDayUtc(last.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        if (filter.Actor is { } who)
        {
            var pattern = LikePattern.Containing(who);
            entries = entries.Where(e => e.ActorId == who || (e.ActorName != null && EF.Functions.Like(e.ActorName, pattern, LikePattern.Escape)));
        }

        var (paging, rows) = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).PageAsync(page, PageSize, cancellationToken);
        var shown = await rows.ToListAsync(cancellationToken);
        // One query for the references of the requests the page names, so a row reads "Request 7KQ2…", not its key.
        var requestIds = shown.Select(e => AuditTrail.RequestIdOf(e.Subject)).OfType<int>().Distinct().ToList();
        var references = await db.ConsultationRequests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        return View(new AuditPage(filter, shown, references, paging));
    }
}
