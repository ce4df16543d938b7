using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>When the clinic takes consultation calls. Edited at /staff/availability; <see cref="Default"/> until then.</summary>
public sealed record AvailabilityRules(
    IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> WeeklyHours,
    Duration CallLength,
    int CallsAtOnce,
    int DaysAhead,
    Duration MinimumNotice,
    IReadOnlySet<LocalDate> ClosedDates)
{
    /// <summary>A fresh install offers times at once: weekdays 9 am to 5 pm, 20-minute calls, one at a time, two weeks ahead, two hours' notice.</summary>
    public static AvailabilityRules Default { get; } = new(
        new Dictionary<IsoDayOfWeek, OpeningHours>
        {
            [IsoDayOfWeek.Monday] = OpeningHours.NineToFive,
            [IsoDayOfWeek.Tuesday] = OpeningHours.NineToFive,
            [IsoDayOfWeek.Wednesday] = OpeningHours.NineToFive,
            [IsoDayOfWeek.Thursday] = OpeningHours.NineToFive,
            [IsoDayOfWeek.Friday] = OpeningHours.NineToFive,
        },
        Duration.FromMinutes(20),
        CallsAtOnce: 1,
        DaysAhead: 14,
        Duration.FromHours(2),
        new HashSet<LocalDate>());
}

/// <summary>One day's calling hours in the clinic's local time; the last call ends by <see cref="Closes"/>.</summary>
public sealed record OpeningHours(LocalTime Opens, LocalTime Closes)
{
    public static OpeningHours NineToFive { get; } = new(new LocalTime(9, 0), new LocalTime(17, 0));
}
