using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Features.Staff.Schedule;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff.Requests;

[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class RequestsController(ClinicDbContext db, AuditTrail audit, ClinicClock clock, TimeProvider time, IOptions<StaffOptions> options) : Controller
{
    public const int PageSize = 25;
    public const int NoteMaxLength = 4000;
    public const string ConflictMessage =
        "This request was changed by someone else while you were looking at it. Nothing was saved: review the latest version below and try again.";

    [HttpGet(StaffRoutes.Requests)]
    public async Task<IActionResult> Index(RequestStatus? status, string? q, RequestOwnerFilter? owner, RequestSort? sort, string? dir, int page, CancellationToken cancellationToken)
    {
        var filter = new RequestFilter(status is { } known && Enum.IsDefined(known) ? known : null, q,
            owner is { } whose && Enum.IsDefined(whose) ? whose : RequestOwnerFilter.Anyone,
            sort is { } column && Enum.IsDefined(column) ? column : RequestSort.Priority,
            string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase));
        var (paging, rows) = await filter.Order(filter.Apply(db.ConsultationRequests.AsNoTracking(), AuditActor.From(User).Id))
            .PageAsync(page, PageSize, cancellationToken);
        var listed = await rows
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.CreatedAt,
                r.FirstContactedAt,
                Name = r.FirstName + " " + r.LastName,
                r.HealthAnswers,
                r.PreferredContact,
                r.BestTimeToReach,
                r.State,
                r.Status,
                r.IsUrgent,
                r.AssignedToName,
                r.Version,
                FailedEmails = r.Emails.Where(e => e.Status == OutboxStatus.Failed).OrderBy(e => e.Kind).Select(e => e.Kind).ToList(),
            })
            .ToListAsync(cancellationToken);
        var calls = await BookedCalls.ForRequestsAsync(db, [.. listed.Select(r => r.Id)], cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var firstResponse = TimeSpan.FromHours(options.Value.FirstResponseHours);
        var inbox = listed.Select(r =>
        {
            var waited = (r.FirstContactedAt ?? now) - r.CreatedAt;
            return new InboxRow(
                r.Id, r.Reference, r.CreatedAt, waited, r.FirstContactedAt is null && r.Status == RequestStatus.New && waited > firstResponse,
                r.Name, [.. HealthAnswers.FromJson(r.HealthAnswers).Of(HealthQuestions.Concerns).Select(HealthQuestions.Concerns.LabelOf)],
                r.PreferredContact, r.BestTimeToReach, calls.GetValueOrDefault(r.Id), r.State, r.Status, r.IsUrgent, r.AssignedToName, r.FailedEmails, r.Version);
        }).ToList();

        // The queue shows names, concerns and the best time to call: a read of those requests, so audited.
        await audit.WriteAsync(AuditActions.RequestsListed, null, $"page {paging.Page} of {paging.PageCount}: {inbox.Count} rows; {filter.AuditText}", cancellationToken);

        var dashboard = await RequestDashboard.LoadAsync(db, time.GetUtcNow(), clock.Zone, cancellationToken);
        return View(new InboxPage(filter, inbox, paging, dashboard, options.Value.FirstResponseHours, await ColleaguesAsync(cancellationToken), TempData["Conflict"] as string));
    }

    [HttpGet(StaffRoutes.Requests + "/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.AsNoTracking()
            .Include(r => r.Emails).Include(r => r.Notes).Include(r => r.StatusChanges)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditActions.RequestViewed, AuditTrail.RequestSubject(id), null, cancellationToken);
        var timeline = request.StatusChanges
            .Select(c => new TimelineItem(c.ChangedAt, c.ChangedByName, $"{c.From.Label()} → {c.To.Label()}", null))
            .Concat(request.Notes.Select(n => new TimelineItem(n.CreatedAt, n.AuthorName, null, n.Text)))
            .OrderByDescending(i => i.At)
            .ToList();
        var answers = HealthAnswers.FromJson(request.HealthAnswers);
        var answerRows = HealthQuestions.All
            .Where(q => answers.Of(q).Count > 0)
            .Select(q => new HealthAnswerRow(q.Heading, string.Join(", ", answers.Of(q).Select(q.LabelOf)), HealthQuestions.Screening.Contains(q) && answers.Of(q).Contains("Yes")))
            .ToList();
        return View(new RequestDetails(request, answerRows, timeline, TempData["Conflict"] as string, await ColleaguesAsync(cancellationToken)));
    }

    /// <summary>Gives the request to a colleague (or, with an empty owner, to nobody).</summary>
    [HttpPost(StaffRoutes.Requests + "/{id:int}/owner")]
    public async Task<IActionResult> Assign(int id, string? ownerId, Guid version, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        StaffUser? owner = null;
        if (!string.IsNullOrEmpty(ownerId))
        {
            owner = await db.Users.SingleOrDefaultAsync(u => u.Id == ownerId && !u.IsDisabled, cancellationToken);
            if (owner is null)
            {
                return BadRequest();
            }
        }

        var actor = AuditActor.From(User);
        ExpectVersion(request, version);
        request.AssignTo(owner?.Id, owner?.DisplayName ?? owner?.Email, actor.Name ?? "", time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.RequestAssigned, AuditTrail.RequestSubject(id), owner is null ? "to nobody" : $"to {AuditTrail.UserSubject(owner.Id)}");
        return await SaveOrConflictAsync(id, owner is null ? "Nobody owns this request now." : $"Assigned to {request.AssignedToName}.", cancellationToken);
    }

    [HttpPost(StaffRoutes.Requests + "/{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, RequestStatus status, Guid version, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            return BadRequest();
        }

        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (request.Status == status)
        {
            TempData["Message"] = $"The status is already {status.Label()}.";
            return RedirectToDetails(id);
        }

        var actor = AuditActor.From(User);
        ExpectVersion(request, version);
        var change = request.MoveTo(status, actor.Id ?? "", actor.Name ?? "", time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.RequestStatusChanged, AuditTrail.RequestSubject(id), $"{change.From} → {change.To}");
        return await SaveOrConflictAsync(id, $"Status changed to {status.Label()}.", cancellationToken);
    }

    [HttpPost(StaffRoutes.Requests + "/{id:int}/notes")]
    public async Task<IActionResult> AddNote(int id, string? note, CancellationToken cancellationToken)
    {
        if (!await db.ConsultationRequests.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return NotFound();
        }

        // Browsers send a line break as CRLF but count it as one character against the box's maxlength.
        note = note?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(note))
        {
            TempData["Message"] = "The note was empty, so nothing was added.";
            return RedirectToDetails(id);
        }

        if (note.Length > NoteMaxLength)
        {
            TempData["Message"] = $"Nothing was added: a note can be up to {NoteMaxLength:N0} characters, and this one has {note.Length:N0}.";
            return RedirectToDetails(id);
        }

        // Notes are only ever appended, so a note can never overwrite someone else's change: no version check.
        var actor = AuditActor.From(User);
        db.RequestNotes.Add(new RequestNote
        {
            ConsultationRequestId = id,
            AuthorId = actor.Id ?? "",
            AuthorName = actor.Name ?? "",
            Text = note,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        audit.Add(AuditActions.RequestNoteAdded, AuditTrail.RequestSubject(id), $"{note.Length} characters");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Note added.";
        return RedirectToDetails(id);
    }

    [HttpPost(StaffRoutes.Requests + "/{id:int}/emails/{emailId:int}/resend")]
    public async Task<IActionResult> Resend(int id, int emailId, Guid version, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.Include(r => r.Emails).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var email = request?.Emails.SingleOrDefault(e => e.Id == emailId);
        if (request is null || email is null)
        {
            return NotFound();
        }

        if (email.Status != OutboxStatus.Failed || email.Kind != EmailKind.StaffNotification)
        {
            TempData["Message"] = "Only a failed staff notification can be sent again.";
            return RedirectToDetails(id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        ExpectVersion(request, version);
        request.UpdatedAt = now;
        // Back in the queue: the outbox dispatcher picks it up on its next pass.
        email.Status = OutboxStatus.Pending;
        email.Attempts = 0;
        email.NextAttemptAt = now;
        email.LockedBy = null;
        email.LockedUntil = null;
        audit.Add(AuditActions.RequestEmailResent, AuditTrail.RequestSubject(id), $"email {emailId}");
        return await SaveOrConflictAsync(id, "The staff notification will be sent again shortly.", cancellationToken);
    }

    /// <summary>
    /// Changes the status or the owner of every selected request, each on its own: one audit row per request, and a
    /// request someone else changed since the list was shown is left as it is and named, while the others are done.
    /// </summary>
    [HttpPost(StaffRoutes.RequestsBulk)]
    public async Task<IActionResult> Bulk(BulkChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var back = change.ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(StaffRoutes.Requests, StringComparison.Ordinal) ? url : StaffRoutes.Requests;
        if (change.Ids.Count == 0)
        {
            TempData["Message"] = "No request was selected, so nothing was changed.";
            return Redirect(back);
        }

        StaffUser? owner = null;
        if (change.Action == BulkAction.Status && (change.Status is not { } wanted || !Enum.IsDefined(wanted)))
        {
            return BadRequest();
        }

        if (change.Action == BulkAction.Owner && !string.IsNullOrEmpty(change.OwnerId))
        {
            owner = await db.Users.SingleOrDefaultAsync(u => u.Id == change.OwnerId && !u.IsDisabled, cancellationToken);
            if (owner is null)
            {
                return BadRequest();
            }
        }

        var actor = AuditActor.From(User);
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        var conflicts = new List<string>();
        foreach (var id in change.Ids.Distinct())
        {
            var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (request is null || !change.Versions.TryGetValue(id, out var version))
            {
                continue;
            }

            if (change.Action == BulkAction.Status)
            {
                if (request.Status == change.Status)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }

                ExpectVersion(request, version);
                var moved = request.MoveTo(change.Status!.Value, actor.Id ?? "", actor.Name ?? "", now);
                audit.Add(AuditActions.RequestStatusChanged, AuditTrail.RequestSubject(id), $"{moved.From} → {moved.To} (bulk)");
            }
            else
            {
                ExpectVersion(request, version);
                request.AssignTo(owner?.Id, owner?.DisplayName ?? owner?.Email, actor.Name ?? "", now);
                audit.Add(AuditActions.RequestAssigned, AuditTrail.RequestSubject(id), (owner is null ? "to nobody" : $"to {AuditTrail.UserSubject(owner.Id)}") + " (bulk)");
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                conflicts.Add(request.Reference);
            }

            // Each request is saved on its own, so a conflict on one leaves nothing of it behind for the next.
            db.ChangeTracker.Clear();
        }

        var what = change.Action == BulkAction.Status ? $"Status changed to {change.Status!.Value.Label()}" : owner is null ? "Owner removed" : $"Assigned to {owner.DisplayName ?? owner.Email}";
        TempData["Message"] = $"{what} for {done} {(done == 1 ? "request" : "requests")}.";
        if (conflicts.Count > 0)
        {
            TempData["Conflict"] = $"Not changed, because someone else changed {(conflicts.Count == 1 ? "it" : "them")} while you were looking: {string.Join(", ", conflicts)}. Review {(conflicts.Count == 1 ? "it" : "them")} and try again.";
        }

        return Redirect(back);
    }

    /// <summary>Contact details of many people at once: for Admins only (minimum necessary); staff open requests one by one.</summary>
    [HttpGet(StaffRoutes.RequestsExport)]
    [Authorize(Roles = StaffRoles.Admin)]
    public async Task<IActionResult> Export(RequestStatus? status, string? q, CancellationToken cancellationToken)
    {
        var filter = new RequestFilter(status, q);
        var rows = await RequestExport.Rows(filter.Apply(db.ConsultationRequests.AsNoTracking())
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id))
            .ToListAsync(cancellationToken);

        await audit.WriteAsync(AuditActions.RequestsExported, null, $"{rows.Count} rows; {filter.AuditText}", cancellationToken);
        var fileName = $"requests-{clock.ToLocal(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv";
        return File(await RequestExport.ToCsvAsync(rows, clock), "text/csv; charset=utf-8", fileName);
    }

    private async Task<IReadOnlyList<Colleague>> ColleaguesAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName ?? u.Email)
            .Select(u => new Colleague(u.Id, u.DisplayName ?? u.Email ?? u.Id)).ToListAsync(cancellationToken);

    private void ExpectVersion(ConsultationRequest request, Guid postedVersion)
    {
        // The posted version becomes the one EF compares against, so a change saved by someone else in between fails.
        db.Entry(request).Property(r => r.Version).OriginalValue = postedVersion;
        request.Version = Guid.NewGuid();
    }

    private async Task<IActionResult> SaveOrConflictAsync(int id, string success, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = success;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Conflict"] = ConflictMessage;
        }

        return RedirectToDetails(id);
    }

    private RedirectResult RedirectToDetails(int id) => Redirect(StaffRoutes.Request(id));
}
