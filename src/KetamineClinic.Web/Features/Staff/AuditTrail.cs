using System.Security.Claims;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Security;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>Stable names for audited actions, so filters and reports never depend on wording.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignedOut = "signout";
    public const string LeadsListed = "leads.listed";
    public const string LeadViewed = "lead.viewed";
    public const string LeadStatusChanged = "lead.status-changed";
    public const string LeadNoteAdded = "lead.note-added";
    public const string LeadEmailResent = "lead.email-resent";
    public const string LeadsExported = "leads.exported";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountPasswordReset = "account.password-reset";
    public const string RetentionDeleted = "retention.deleted";

    public static readonly IReadOnlyList<string> All =
    [
        SignInSucceeded, SignInFailed, SignedOut, LeadsListed, LeadViewed, LeadStatusChanged, LeadNoteAdded, LeadEmailResent,
        LeadsExported, AccountCreated, AccountDisabled, AccountPasswordReset, RetentionDeleted,
    ];
}

/// <summary>The acting party of an audited action.</summary>
public sealed record AuditActor(string? Id, string? Name)
{
    public static AuditActor Cli { get; } = new(null, "cli");
    public static AuditActor System { get; } = new(null, "system");

    public static AuditActor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name);
}

/// <summary>Appends rows to the audit log. Rows are never changed afterwards (the DbContext enforces it).</summary>
public sealed class AuditTrail(ClinicDbContext db, TimeProvider time, ClientAddressHasher hasher, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>Adds an entry to the context, to be saved with the caller's own changes.</summary>
    public void Add(string action, string? subject = null, string? details = null, AuditActor? actor = null)
    {
        var http = httpContextAccessor.HttpContext;
        actor ??= http?.User.Identity?.IsAuthenticated == true ? AuditActor.From(http.User) : AuditActor.System;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            Subject = subject,
            Details = details,
            IpHash = http is null ? null : hasher.HashAddress(http),
        });
    }

    public async Task WriteAsync(string action, string? subject, string? details, CancellationToken cancellationToken, AuditActor? actor = null)
    {
        Add(action, subject, details, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string LeadSubject(int id) => $"ConsultationRequest/{id}";

    public static string UserSubject(string id) => $"StaffUser/{id}";
}
