using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>Which page of a long list is shown: the requested page kept within the pages there are.</summary>
public sealed record Paging(int Page, int PageCount, int Total, int PageSize)
{
    public static Paging Of(int total, int requestedPage, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requestedPage, 1, pageCount), pageCount, total, pageSize);
    }

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>The pager under a list (Views/Shared/_Pager.cshtml): the paging and the address of any page.</summary>
public sealed record Pager(Paging Paging, Func<int, string> UrlOf);

public static class PagingExtensions
{
    /// <summary>Counts the rows, then returns the paging and the query for the requested page's rows.</summary>
    public static async Task<(Paging Paging, IQueryable<T> Rows)> PageAsync<T>(
        this IQueryable<T> query, int requestedPage, int pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.Of(await query.CountAsync(cancellationToken), requestedPage, pageSize);
        return (paging, query.Skip(paging.Skip).Take(pageSize));
    }
}

/// <summary>Text typed by staff, searched for anywhere in a column with SQL LIKE: its wildcards are matched as themselves.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
