using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>The inbox's filter, shared by the table and the CSV export so both show the same requests.</summary>
public sealed record RequestFilter(RequestStatus? Status, string? Search, RequestOwnerFilter Owner = RequestOwnerFilter.Anyone)
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
}

/// <summary>Whose requests the inbox shows.</summary>
public enum RequestOwnerFilter
{
    Anyone,
    Mine,
    Unassigned,
}
