using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Requests;

public sealed record WeekCount(DateOnly WeekStart, int Count);

/// <summary>The inbox's figures, computed in the clinic's time zone.</summary>
public sealed record RequestDashboard(
    IReadOnlyDictionary<RequestStatus, int> CountsByStatus,
    IReadOnlyList<WeekCount> Weekly,
    TimeSpan? MedianTimeToFirstContact,
    int ContactedSampleSize)
{
    public const int Weeks = 12;

    public static async Task<RequestDashboard> LoadAsync(ClinicDbContext db, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await db.ConsultationRequests.GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);

        var since = EarliestUtc(now);
        var received = await db.ConsultationRequests.Where(r => r.CreatedAt >= since).Select(r => r.CreatedAt).ToListAsync(cancellationToken);
        var contacted = await db.ConsultationRequests
            .Where(r => r.CreatedAt >= since && r.FirstContactedAt != null)
            .Select(r => new { r.CreatedAt, r.FirstContactedAt })
            .ToListAsync(cancellationToken);

        return new RequestDashboard(
            counts,
            CountPerWeek(received, now, zone),
            Median(contacted.Select(c => c.FirstContactedAt!.Value - c.CreatedAt)),
            contacted.Count);
    }

    /// <summary>
    /// Requests per clinic-local week (Monday to Sunday) for the <paramref name="weeks"/> weeks up to and
    /// including the current one, oldest first; weeks without requests count zero.
    /// </summary>
    public static IReadOnlyList<WeekCount> CountPerWeek(IEnumerable<DateTime> receivedUtc, DateTimeOffset now, TimeZoneInfo zone, int weeks = Weeks)
    {
        var currentWeek = WeekStart(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
        var firstWeek = currentWeek.AddDays(-7 * (weeks - 1));
        var counts = new int[weeks];
        foreach (var utc in receivedUtc)
        {
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
            var index = (WeekStart(local).DayNumber - firstWeek.DayNumber) / 7;
            if (index >= 0 && index < weeks)
            {
                counts[index]++;
            }
        }

        return [.. counts.Select((count, i) => new WeekCount(firstWeek.AddDays(7 * i), count))];
    }

    /// <summary>The first UTC instant that can fall into the oldest counted week (a day early, for any zone).</summary>
    public static DateTime EarliestUtc(DateTimeOffset now, int weeks = Weeks) => now.UtcDateTime.AddDays(-7 * weeks - 1);

    public static TimeSpan? Median(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"3 h 20 min", "2 d 4 h", "45 min": precise enough for a dashboard.</summary>
    public static string Describe(TimeSpan duration) =>
        duration.TotalDays >= 1 ? $"{(int)duration.TotalDays} d {duration.Hours} h"
        : duration.TotalHours >= 1 ? $"{(int)duration.TotalHours} h {duration.Minutes} min"
        : $"{Math.Max(0, (int)Math.Round(duration.TotalMinutes))} min";

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
