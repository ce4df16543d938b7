using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Features.Staff.Leads;

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
    IReadOnlyList<EmailState> Emails);

public sealed record InboxPage(
    LeadFilter Filter,
    IReadOnlyList<InboxRow> Rows,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyDictionary<RequestStatus, int> CountsByStatus,
    IReadOnlyList<WeekCount> Weekly,
    TimeSpan? MedianTimeToFirstContact,
    int ContactedSampleSize)
{
    public string PageUrl(int page) => Url(Filter, page);

    public static string Url(LeadFilter filter, int page = 1, string path = "/staff/leads")
    {
        var query = new List<string>();
        if (filter.Status is { } status)
        {
            query.Add($"status={status}");
        }

        if (filter.Query is { } q)
        {
            query.Add($"q={Uri.EscapeDataString(q)}");
        }

        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return query.Count == 0 ? path : $"{path}?{string.Join("&", query)}";
    }
}

public sealed record TimelineItem(DateTime At, string Author, string? StatusChange, string? Note);

public sealed record LeadDetails(
    ConsultationRequest Request,
    IReadOnlyList<KeyValuePair<string, string>> HealthAnswers,
    IReadOnlyList<TimelineItem> Timeline,
    string? Conflict);

public static class StatusText
{
    public static string Label(RequestStatus status) => status switch
    {
        RequestStatus.NotACandidate => "Not a candidate",
        _ => status.ToString(),
    };

    public static string Label(ContactMethod method) => method switch
    {
        ContactMethod.PhoneCall => "Phone call",
        ContactMethod.TextMessage => "Text message",
        _ => method.ToString(),
    };

    public static string Label(EmailKind kind) => kind switch
    {
        EmailKind.StaffNotification => "Staff notification",
        _ => "Acknowledgement to the visitor",
    };
}
