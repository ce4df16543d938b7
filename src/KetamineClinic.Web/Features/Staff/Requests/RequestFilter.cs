using System.Linq.Expressions;
using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>The inbox's filter and order, shared by the table and the CSV export so both show the same requests.</summary>
public sealed record RequestFilter(
    RequestStatus? Status,
    string? Search,
    RequestOwnerFilter Owner = RequestOwnerFilter.Anyone,
    RequestSort Sort = RequestSort.Priority,
    bool Descending = false)
{
    public string? Query => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>The filter as the audit log keeps it: whether a search was made, never the words searched for.</summary>
    public string AuditText => $"status={Status?.ToString() ?? "any"}; search={(Query is null ? "no" : "yes")}{(Owner == RequestOwnerFilter.Anyone ? "" : $"; owner={Owner}")}";

    /// <summary>The address of this filter's list (or export), on the given page.</summary>
    public string Url(int page = 1, string path = StaffRoutes.Requests)
    {
        var query = new List<string>();
        if (Status is { } status)
        {
            query.Add($"status={status}");
        }

        if (Query is { } q)
        {
            query.Add($"q={Uri.EscapeDataString(q)}");
        }

        if (Owner != RequestOwnerFilter.Anyone)
        {
            query.Add($"owner={Owner}");
        }

        if (Sort != RequestSort.Priority)
        {
            query.Add($"sort={Sort}");
            query.Add($"dir={(Descending ? "desc" : "asc")}");
        }

        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return query.Count == 0 ? path : $"{path}?{string.Join("&", query)}";
    }

    /// <summary>
    /// Names, email, phone and reference are plain columns and searched case-insensitively; the
    /// free-text health fields are encrypted and cannot be searched.
    /// </summary>
    public IQueryable<ConsultationRequest> Apply(IQueryable<ConsultationRequest> requests, string? currentUserId = null)
    {
        requests = Owner switch
        {
            RequestOwnerFilter.Mine => requests.Where(r => r.AssignedToId == currentUserId),
            RequestOwnerFilter.Unassigned => requests.Where(r => r.AssignedToId == null),
            _ => requests,
        };

        if (Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (Query is { } query)
        {
            // LIKE is case-insensitive on SQLite (ASCII) and on SQL Server's default collation.
            var pattern = LikePattern.Containing(query);
            var digits = new string([.. query.Where(char.IsAsciiDigit)]);
            var hasDigits = digits.Length >= 3;
            requests = requests.Where(r =>
                EF.Functions.Like(r.FirstName + " " + r.LastName, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.Email, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.Reference, pattern, LikePattern.Escape)
                || (hasDigits && r.Phone.Contains(digits)));
        }

        return requests;
    }

    /// <summary>The filter sorted by <paramref name="sort"/>: the other way round if it already is, else in that column's first direction.</summary>
    public RequestFilter SortedBy(RequestSort sort) =>
        this with { Sort = sort, Descending = Sort == sort ? !Descending : sort == RequestSort.Waited };

    /// <summary>The value of <c>aria-sort</c> for a column, or null when the list is not sorted by it.</summary>
    public string? AriaSort(RequestSort sort) => Sort != sort || sort == RequestSort.Priority ? null : Descending ? "descending" : "ascending";

    // Statuses are stored as their names; sorted as stored they would come out alphabetically, not in the order work moves.
    private static readonly Expression<Func<ConsultationRequest, int>> _statusInWorkflowOrder = r =>
        r.Status == RequestStatus.New ? 0
        : r.Status == RequestStatus.Contacted ? 1
        : r.Status == RequestStatus.Scheduled ? 2
        : r.Status == RequestStatus.NotACandidate ? 3
        : 4;

    public IQueryable<ConsultationRequest> Order(IQueryable<ConsultationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        // Waiting longer means received earlier, so "waited, descending" is "oldest first".
        var ordered = (Sort, Descending) switch
        {
            (RequestSort.Waited, false) => requests.OrderByDescending(r => r.CreatedAt),
            (RequestSort.Waited, true) => requests.OrderBy(r => r.CreatedAt),
            (RequestSort.Name, false) => requests.OrderBy(r => r.FirstName + " " + r.LastName),
            (RequestSort.Name, true) => requests.OrderByDescending(r => r.FirstName + " " + r.LastName),
            (RequestSort.State, false) => requests.OrderBy(r => r.State),
            (RequestSort.State, true) => requests.OrderByDescending(r => r.State),
            (RequestSort.Status, false) => requests.OrderBy(_statusInWorkflowOrder),
            (RequestSort.Status, true) => requests.OrderByDescending(_statusInWorkflowOrder),
            (RequestSort.Owner, false) => requests.OrderBy(r => r.AssignedToName == null).ThenBy(r => r.AssignedToName),
            (RequestSort.Owner, true) => requests.OrderBy(r => r.AssignedToName == null).ThenByDescending(r => r.AssignedToName),
            // Urgent requests nobody has acted on yet come first, whatever their age: the detail page tells staff to contact them first.
            _ => requests.OrderByDescending(r => r.IsUrgent && r.Status == RequestStatus.New),
        };
        return ordered.ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
    }
}

/// <summary>The inbox's orders: <see cref="Priority"/> (urgent and new first, then newest) unless a column is chosen.</summary>
public enum RequestSort
{
    Priority,
    Waited,
    Name,
    State,
    Status,
    Owner,
}

/// <summary>Whose requests the inbox shows.</summary>
public enum RequestOwnerFilter
{
    Anyone,
    Mine,
    Unassigned,
}
