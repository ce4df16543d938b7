using System.Globalization;
using System.Text;
using CsvHelper;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Leads;

[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class LeadsController(ClinicDbContext db, AuditTrail audit, ClinicClock clock, TimeProvider time) : Controller
{
    public const int PageSize = 25;
    public const int NoteMaxLength = 4000;
    public const string ConflictMessage =
        "This request was changed by someone else while you were looking at it. Nothing was saved: review the latest version below and try again.";

    [HttpGet("/staff/leads")]
    public async Task<IActionResult> Index(RequestStatus? status, string? q, int page, CancellationToken cancellationToken)
    {
        var filter = new LeadFilter(status, q);
        var filtered = filter.Apply(db.ConsultationRequests.AsNoTracking());
        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);

        // Urgent requests nobody has acted on yet come first, whatever their age: the detail page tells staff to contact them first.
        var rows = await filtered
            .OrderByDescending(r => r.IsUrgent && r.Status == RequestStatus.New)
            .ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.CreatedAt,
                r.FirstName,
                r.LastName,
                r.PreferredContact,
                r.State,
                r.Status,
                r.IsUrgent,
                Emails = r.Emails.OrderBy(e => e.Kind).Select(e => new EmailState(e.Kind, e.Status)).ToList(),
            })
            .ToListAsync(cancellationToken);

        // The inbox shows names and whether someone has asked for care: a read of those requests, so audited.
        await audit.WriteAsync(AuditActions.LeadsListed, null, $"page {page} of {pageCount}: {rows.Count} rows; {filter.AuditText}", cancellationToken);

        var counts = (await db.ConsultationRequests.GroupBy(r => r.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Status, c => c.Count);

        var now = time.GetUtcNow();
        var since = LeadDashboard.EarliestUtc(now);
        var received = await db.ConsultationRequests.Where(r => r.CreatedAt >= since).Select(r => r.CreatedAt).ToListAsync(cancellationToken);
        var contacted = await db.ConsultationRequests
            .Where(r => r.CreatedAt >= since && r.FirstContactedAt != null)
            .Select(r => new { r.CreatedAt, r.FirstContactedAt })
            .ToListAsync(cancellationToken);

        return View(new InboxPage(
            filter,
            [.. rows.Select(r => new InboxRow(r.Id, r.Reference, r.CreatedAt, $"{r.FirstName} {r.LastName}", r.PreferredContact, r.State, r.Status, r.IsUrgent, r.Emails))],
            page,
            pageCount,
            total,
            counts,
            LeadDashboard.CountPerWeek(received, now, clock.Zone),
            LeadDashboard.Median(contacted.Select(c => c.FirstContactedAt!.Value - c.CreatedAt)),
            contacted.Count));
    }

    [HttpGet("/staff/leads/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditActions.LeadViewed, AuditTrail.LeadSubject(id), null, cancellationToken);
        return View(ToDetails(request, TempData["Conflict"] as string));
    }

    [HttpPost("/staff/leads/{id:int}/status")]
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
            TempData["Message"] = $"The status is already {StatusText.Label(status)}.";
            return RedirectToDetails(id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var actor = AuditActor.From(User);
        var from = request.Status;
        ExpectVersion(request, version);
        request.Status = status;
        request.UpdatedAt = now;
        // Closing a request or turning it down is not contacting the person; the dashboard's time to first contact counts only contact.
        if (status is RequestStatus.Contacted or RequestStatus.Scheduled && request.FirstContactedAt is null)
        {
            request.FirstContactedAt = now;
        }

        db.LeadStatusChanges.Add(new LeadStatusChange
        {
            ConsultationRequestId = id,
            From = from,
            To = status,
            ChangedById = actor.Id ?? "",
            ChangedByName = actor.Name ?? "",
            ChangedAt = now,
        });
        audit.Add(AuditActions.LeadStatusChanged, AuditTrail.LeadSubject(id), $"{from} → {status}");
        return await SaveOrConflictAsync(id, $"Status changed to {StatusText.Label(status)}.", cancellationToken);
    }

    [HttpPost("/staff/leads/{id:int}/notes")]
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
        db.LeadNotes.Add(new LeadNote
        {
            ConsultationRequestId = id,
            AuthorId = actor.Id ?? "",
            AuthorName = actor.Name ?? "",
            Text = note,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        audit.Add(AuditActions.LeadNoteAdded, AuditTrail.LeadSubject(id), $"{note.Length} characters");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Note added.";
        return RedirectToDetails(id);
    }

    [HttpPost("/staff/leads/{id:int}/emails/{emailId:int}/resend")]
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
        audit.Add(AuditActions.LeadEmailResent, AuditTrail.LeadSubject(id), $"email {emailId}");
        return await SaveOrConflictAsync(id, "The staff notification will be sent again shortly.", cancellationToken);
    }

    [HttpGet("/staff/leads/export")]
    public async Task<IActionResult> Export(RequestStatus? status, string? q, CancellationToken cancellationToken)
    {
        var filter = new LeadFilter(status, q);
        var requests = await filter.Apply(db.ConsultationRequests.AsNoTracking())
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Reference,
                r.CreatedAt,
                r.FirstName,
                r.LastName,
                r.Email,
                r.Phone,
                r.PreferredContact,
                r.State,
                r.BestTimeToReach,
                r.HeardAboutUs,
                r.Status,
                r.IsUrgent,
                r.FirstContactedAt,
            })
            .ToListAsync(cancellationToken);

        await audit.WriteAsync(AuditActions.LeadsExported, null, $"{requests.Count} rows; {filter.AuditText}", cancellationToken);

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            string[] header =
            [
                "Reference", "Received", "FirstName", "LastName", "Email", "Phone", "PreferredContact", "State",
                "BestTimeToReach", "HeardAboutUs", "Status", "Urgent", "FirstContacted",
            ];
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            await csv.NextRecordAsync();
            foreach (var r in requests)
            {
                string?[] cells =
                [
                    r.Reference, clock.Format(r.CreatedAt), r.FirstName, r.LastName, r.Email, r.Phone, StatusText.Label(r.PreferredContact),
                    r.State, r.BestTimeToReach, r.HeardAboutUs, StatusText.Label(r.Status), r.IsUrgent ? "yes" : "no",
                    r.FirstContactedAt is null ? "" : clock.Format(r.FirstContactedAt),
                ];
                foreach (var cell in cells)
                {
                    csv.WriteField(CsvCell.Neutralise(cell));
                }

                await csv.NextRecordAsync();
            }
        }

        var fileName = $"requests-{clock.ToLocal(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv";
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", fileName);
    }

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

    private RedirectResult RedirectToDetails(int id) => Redirect($"/staff/leads/{id}");

    private Task<ConsultationRequest?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.ConsultationRequests.AsNoTracking()
            .Include(r => r.Emails).Include(r => r.Notes).Include(r => r.StatusChanges)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private static LeadDetails ToDetails(ConsultationRequest request, string? conflict)
    {
        var timeline = request.StatusChanges
            .Select(c => new TimelineItem(c.ChangedAt, c.ChangedByName, $"{StatusText.Label(c.From)} → {StatusText.Label(c.To)}", null))
            .Concat(request.Notes.Select(n => new TimelineItem(n.CreatedAt, n.AuthorName, null, n.Text)))
            .OrderByDescending(i => i.At)
            .ToList();
        return new LeadDetails(request, HealthAnswersView.Flatten(request.HealthAnswers), timeline, conflict);
    }
}
