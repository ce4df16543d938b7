using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Leads;

/// <summary>The inbox's filter, shared by the table and the CSV export so both show the same requests.</summary>
public sealed record LeadFilter(RequestStatus? Status, string? Search)
{
    public string? Query => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>The filter as the audit log keeps it: whether a search was made, never the words searched for.</summary>
    public string AuditText => $"status={Status?.ToString() ?? "any"}; search={(Query is null ? "no" : "yes")}";

    /// <summary>
    /// Names, email, phone and reference are plain columns and searched case-insensitively; the
    /// free-text health fields are encrypted and cannot be searched.
    /// </summary>
    public IQueryable<ConsultationRequest> Apply(IQueryable<ConsultationRequest> requests)
    {
        if (Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (Query is { } query)
        {
            // LIKE is case-insensitive on SQLite (ASCII) and on SQL Server's default collation.
            var pattern = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var digits = new string([.. query.Where(char.IsAsciiDigit)]);
            var hasDigits = digits.Length >= 3;
            requests = requests.Where(r =>
                EF.Functions.Like(r.FirstName + " " + r.LastName, pattern, "\\")
                || EF.Functions.Like(r.Email, pattern, "\\")
                || EF.Functions.Like(r.Reference, pattern, "\\")
                || (hasDigits && r.Phone.Contains(digits)));
        }

        return requests;
    }
}
