namespace KetamineClinic.Web.Features.Staff.Leads;

public sealed record WeekCount(DateOnly WeekStart, int Count);

/// <summary>The inbox dashboard's figures, computed in the clinic's time zone.</summary>
public static class LeadDashboard
{
    public const int Weeks = 12;

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
