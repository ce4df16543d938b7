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
    public const string RequestsListed = "requests.listed";
    public const string RequestViewed = "request.viewed";
    public const string RequestStatusChanged = "request.status-changed";
    public const string RequestNoteAdded = "request.note-added";
    public const string RequestEmailResent = "request.email-resent";
    public const string RequestAssigned = "request.assigned";
    public const string RequestsExported = "requests.exported";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountPasswordReset = "account.password-reset";
    public const string RetentionDeleted = "retention.deleted";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string RecoveryCodesRenewed = "account.recovery-codes-renewed";
    public const string TwoFactorReset = "account.two-factor-reset";
    public const string SessionsEnded = "account.sessions-ended";

    // Passkeys (issue 17)
    public const string PasskeyAdded = "account.passkey-added";
    public const string PasskeyRemoved = "account.passkey-removed";

    // Booking (issue 16)
    public const string CallBooked = "call.booked";
    public const string CallChanged = "call.changed";
    public const string CallCancelled = "call.cancelled";
    public const string CallOutcomeRecorded = "call.outcome-recorded";
    public const string ScheduleViewed = "schedule.viewed";
    public const string AvailabilityViewed = "availability.viewed";
    public const string AvailabilityChanged = "availability.changed";

    public static readonly IReadOnlyList<string> All =
    [
        SignInSucceeded, SignInFailed, SignedOut, RequestsListed, RequestViewed, RequestStatusChanged, RequestNoteAdded, RequestEmailResent, RequestAssigned,
        RequestsExported, AccountCreated, AccountDisabled, AccountPasswordReset, RetentionDeleted,
        TwoFactorEnabled, RecoveryCodesRenewed, TwoFactorReset, SessionsEnded,
        PasskeyAdded, PasskeyRemoved,
        CallBooked, CallChanged, CallCancelled, CallOutcomeRecorded, ScheduleViewed, AvailabilityViewed, AvailabilityChanged,
    ];

    /// <summary>What the audit log calls each action: plain words for people, the code stays what is stored.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SignInSucceeded] = "Signed in",
        [SignInFailed] = "Failed to sign in",
        [SignedOut] = "Signed out",
        [RequestsListed] = "Viewed the request queue",
        [RequestViewed] = "Viewed a request",
        [RequestStatusChanged] = "Changed the status of a request",
        [RequestNoteAdded] = "Added a note to a request",
        [RequestEmailResent] = "Resent an email for a request",
        [RequestAssigned] = "Changed the owner of a request",
        [RequestsExported] = "Exported requests (CSV)",
        [AccountCreated] = "Created an account",
        [AccountDisabled] = "Disabled an account",
        [AccountPasswordReset] = "Reset a password",
        [RetentionDeleted] = "Deleted old requests (retention)",
        [TwoFactorEnabled] = "Turned on two-step sign-in",
        [RecoveryCodesRenewed] = "Renewed recovery codes",
        [TwoFactorReset] = "Reset two-step sign-in",
        [SessionsEnded] = "Ended an account's sessions",
        [PasskeyAdded] = "Added a passkey",
        [PasskeyRemoved] = "Removed a passkey",
        [CallBooked] = "Booked a call",
        [CallChanged] = "Changed a booked call",
        [CallCancelled] = "Cancelled a booked call",
        [CallOutcomeRecorded] = "Recorded a call's outcome",
        [ScheduleViewed] = "Viewed the call schedule",
        [AvailabilityViewed] = "Viewed the availability for calls",
        [AvailabilityChanged] = "Changed the availability for calls",
    };

    /// <summary>The label of an action stored under its name today or an earlier one; an unknown code as it is.</summary>
    public static string LabelOf(string stored) =>
        Labels.TryGetValue(stored, out var label) ? label
        : _earlierNames.FirstOrDefault(p => p.Value == stored) is { Key: { } today } ? Labels[today]
        : stored;

    /// <summary>
    /// The names rows written before the vocabulary was settled carry ("lead…", docs/decisions/0004-vocabulary.md).
    /// The audit log is never rewritten, so a filter on an action matches its earlier name too.
    /// </summary>
    private static readonly Dictionary<string, string> _earlierNames = new(StringComparer.Ordinal)
    {
        [RequestsListed] = "leads.listed",
        [RequestViewed] = "lead.viewed",
        [RequestStatusChanged] = "lead.status-changed",
        [RequestNoteAdded] = "lead.note-added",
        [RequestEmailResent] = "lead.email-resent",
        [RequestsExported] = "leads.exported",
    };

    /// <summary>The names an action is stored under: its own, and the earlier one if it had one.</summary>
    public static IReadOnlyList<string> StoredNamesOf(string action) =>
        _earlierNames.TryGetValue(action, out var earlier) ? [action, earlier] : [action];
}

/// <summary>The acting party of an audited action.</summary>
public sealed record AuditActor(string? Id, string? Name)
{
    public static AuditActor Cli { get; } = new(null, "cli");
    public static AuditActor System { get; } = new(null, "system");

    /// <summary>The visitor acting on their own call (booking, changing, cancelling); never named.</summary>
    public static AuditActor Visitor { get; } = new(null, "visitor");

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

    private const string RequestSubjectPrefix = "ConsultationRequest/";

    public static string RequestSubject(int id) => RequestSubjectPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The request a subject written by <see cref="RequestSubject"/> names, if it names one.</summary>
    public static int? RequestIdOf(string? subject) =>
        subject is not null && subject.StartsWith(RequestSubjectPrefix, StringComparison.Ordinal)
            && int.TryParse(subject.AsSpan(RequestSubjectPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : null;

    public static string UserSubject(string id) => $"StaffUser/{id}";
}
