using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Features.Staff.Schedule;

namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>One request as the queue lists it.</summary>
/// <param name="Waited">From receipt to first contact, or to now while nobody has made contact.</param>
/// <param name="IsOverdue">Still new and waited longer than <see cref="StaffOptions.FirstResponseHours"/>.</param>
/// <param name="FailedEmails">Only the emails that could not be delivered: the queue shows delivery only when it failed.</param>
public sealed record InboxRow(
    int Id,
    string Reference,
    DateTime CreatedAt,
    TimeSpan Waited,
    bool IsOverdue,
    string Name,
    IReadOnlyList<string> Concerns,
    ContactMethod PreferredContact,
    string? BestTimeToReach,
    BookedCall? Call,
    string State,
    RequestStatus Status,
    bool IsUrgent,
    string? Owner,
    IReadOnlyList<EmailKind> FailedEmails,
    Guid Version);

public sealed record InboxPage(
    RequestFilter Filter,
    IReadOnlyList<InboxRow> Rows,
    Paging Paging,
    RequestDashboard Dashboard,
    int FirstResponseHours,
    IReadOnlyList<Colleague> Colleagues,
    string? Conflict)
{
    public Pager Pager => new(Paging, page => Filter.Url(page));

    /// <summary>The booked-call column appears once any listed request has a call.</summary>
    public bool ShowsCalls => Rows.Any(r => r.Call is not null);
}

public sealed record TimelineItem(DateTime At, string Author, string? StatusChange, string? Note);

/// <summary>A staff member a request can be given to.</summary>
public sealed record Colleague(string Id, string Name);

/// <summary>One health answer as staff read it; <paramref name="IsYes"/> when a screening question was answered Yes.</summary>
public sealed record HealthAnswerRow(string Question, string Answer, bool IsYes);

public sealed record RequestDetails(
    ConsultationRequest Request,
    IReadOnlyList<HealthAnswerRow> HealthAnswers,
    IReadOnlyList<TimelineItem> Timeline,
    string? Conflict,
    IReadOnlyList<Colleague> Colleagues)
{
    /// <summary>The visitor's words that made the request urgent, as they wrote them.</summary>
    public IReadOnlyList<string> CrisisPhrases { get; } =
        CrisisDetector.PhrasesIn(Request.HelpWith, Request.BestTimeToReach, Request.HeardAboutUs);
}

/// <summary>
/// The queue's bulk form: the selected requests (each with the version the list showed) and one change for all of
/// them. Nothing typed, only choices, so there is nothing to validate beyond what the action checks.
/// </summary>
public sealed class BulkChange
{
    public List<int> Ids { get; set; } = [];

    public Dictionary<int, Guid> Versions { get; set; } = [];

    public BulkAction Action { get; set; }

    public RequestStatus? Status { get; set; }

    public string? OwnerId { get; set; }

    public string? ReturnUrl { get; set; }
}

public enum BulkAction
{
    Status,
    Owner,
}
