using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Features.Staff.Requests;

public sealed record EmailState(EmailKind Kind, OutboxStatus Status);

public sealed record InboxRow(
    int Id,
    string Reference,
    DateTime CreatedAt,
    string Name,
    ContactMethod PreferredContact,
    string State,
    RequestStatus Status,
    bool IsUrgent,
    string? Owner,
    IReadOnlyList<EmailState> Emails);

public sealed record InboxPage(RequestFilter Filter, IReadOnlyList<InboxRow> Rows, Paging Paging, RequestDashboard Dashboard)
{
    public Pager Pager => new(Paging, page => Filter.Url(page));
}

public sealed record TimelineItem(DateTime At, string Author, string? StatusChange, string? Note);

/// <summary>A staff member a request can be given to.</summary>
public sealed record Colleague(string Id, string Name);

public sealed record RequestDetails(
    ConsultationRequest Request,
    IReadOnlyList<(string Question, string Answer)> HealthAnswers,
    IReadOnlyList<TimelineItem> Timeline,
    string? Conflict,
    IReadOnlyList<Colleague> Colleagues);
