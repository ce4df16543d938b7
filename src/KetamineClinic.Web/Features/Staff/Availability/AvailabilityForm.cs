using System.Globalization;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Booking;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.Web.Features.Staff.Availability;

/// <summary>
/// What the availability page posts. Numbers and times are strings, so whatever was typed binds, reaches the
/// validator and is shown again as typed.
/// </summary>
public sealed class AvailabilityForm
{
    public static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    public static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Monday first, as the clinic's week is read.</summary>
    public static IReadOnlyList<IsoDayOfWeek> Week { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    public List<WeekdayHours> Days { get; set; } = [];
    public string? CallMinutes { get; set; }
    public string? CallsAtOnce { get; set; }
    public string? DaysAhead { get; set; }
    public string? MinimumNoticeHours { get; set; }

    /// <summary>The closed dates stored now, shown with a "Remove" tick box each (read from the database, never posted).</summary>
    public List<string> ClosedDates { get; set; } = [];

    public List<string> RemoveClosedDates { get; set; } = [];
    public string? AddClosedDate { get; set; }

    public static AvailabilityForm From(AvailabilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new AvailabilityForm
        {
            Days =
            [
                .. Week.Select(day => rules.WeeklyHours.TryGetValue(day, out var hours)
                    ? new WeekdayHours { Day = day.ToString(), Open = true, Opens = TimePattern.Format(hours.Opens), Closes = TimePattern.Format(hours.Closes) }
                    : new WeekdayHours { Day = day.ToString(), Open = false, Opens = "09:00", Closes = "17:00" }),
            ],
            CallMinutes = Number((int)rules.CallLength.TotalMinutes),
            CallsAtOnce = Number(rules.CallsAtOnce),
            DaysAhead = Number(rules.DaysAhead),
            MinimumNoticeHours = Number((int)rules.MinimumNotice.TotalHours),
            ClosedDates = [.. rules.ClosedDates.Order().Select(DatePattern.Format)],
        };
    }

    /// <summary>The week as posted, each day in its place whatever the post held (a day missing from it is closed).</summary>
    public void Normalize(IEnumerable<string> storedClosedDates)
    {
        Days = [.. Week.Select(day => Days.FirstOrDefault(d => d.Day == day.ToString()) ?? new WeekdayHours { Day = day.ToString() })];
        foreach (var day in Days)
        {
            day.Opens = day.Opens?.Trim();
            day.Closes = day.Closes?.Trim();
        }

        CallMinutes = CallMinutes?.Trim();
        CallsAtOnce = CallsAtOnce?.Trim();
        DaysAhead = DaysAhead?.Trim();
        MinimumNoticeHours = MinimumNoticeHours?.Trim();
        AddClosedDate = AddClosedDate?.Trim();
        ClosedDates = [.. storedClosedDates];
    }

    /// <summary>The row to store; call only once the validator has passed the form.</summary>
    public AvailabilitySettings ToSettings(DateTime now)
    {
        var hours = Days.Where(d => d.Open)
            .ToDictionary(d => Enum.Parse<IsoDayOfWeek>(d.Day!), d => new OpeningHours(TimePattern.Parse(d.Opens!).Value, TimePattern.Parse(d.Closes!).Value));
        var closed = ClosedDates.Except(RemoveClosedDates).Select(d => DatePattern.Parse(d).Value).ToHashSet();
        if (!string.IsNullOrEmpty(AddClosedDate))
        {
            closed.Add(DatePattern.Parse(AddClosedDate).Value);
        }

        return new AvailabilitySettings
        {
            WeeklyHours = AvailabilitySettingsText.WeeklyHoursText(hours),
            CallMinutes = int.Parse(CallMinutes!, CultureInfo.InvariantCulture),
            CallsAtOnce = int.Parse(CallsAtOnce!, CultureInfo.InvariantCulture),
            DaysAhead = int.Parse(DaysAhead!, CultureInfo.InvariantCulture),
            MinimumNoticeMinutes = int.Parse(MinimumNoticeHours!, CultureInfo.InvariantCulture) * 60,
            ClosedDates = AvailabilitySettingsText.ClosedDatesText(closed),
            UpdatedAt = now,
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class WeekdayHours
{
    public string? Day { get; set; }
    public bool Open { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}
