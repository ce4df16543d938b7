using KetamineClinic.Data.Entities;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>Reads the stored <see cref="AvailabilitySettings"/> row as <see cref="AvailabilityRules"/> and writes it back.</summary>
public static class AvailabilitySettingsText
{
    private static readonly LocalTimePattern _time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern _date = LocalDatePattern.Iso;

    public static AvailabilityRules ToRules(AvailabilitySettings? row)
    {
        if (row is null)
        {
            return AvailabilityRules.Default;
        }

        var hours = new Dictionary<IsoDayOfWeek, OpeningHours>();
        foreach (var line in Lines(row.WeeklyHours))
        {
            // "Monday 09:00-17:00"
            var parts = line.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && Enum.TryParse<IsoDayOfWeek>(parts[0], out var day)
                && _time.Parse(parts[1]) is { Success: true } opens && _time.Parse(parts[2]) is { Success: true } closes)
            {
                hours[day] = new OpeningHours(opens.Value, closes.Value);
            }
        }

        var closed = Lines(row.ClosedDates).Select(d => _date.Parse(d)).Where(r => r.Success).Select(r => r.Value).ToHashSet();
        return new AvailabilityRules(
            hours,
            Duration.FromMinutes(row.CallMinutes),
            row.CallsAtOnce,
            row.DaysAhead,
            Duration.FromMinutes(row.MinimumNoticeMinutes),
            closed);
    }

    public static string WeeklyHoursText(IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> hours) =>
        string.Join('\n', hours.OrderBy(h => h.Key).Select(h => $"{h.Key} {_time.Format(h.Value.Opens)}-{_time.Format(h.Value.Closes)}"));

    public static string ClosedDatesText(IEnumerable<LocalDate> dates) =>
        string.Join('\n', dates.Order().Select(d => _date.Format(d)));

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

}
