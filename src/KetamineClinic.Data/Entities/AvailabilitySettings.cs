namespace KetamineClinic.Data.Entities;

/// <summary>
/// The clinic's calling hours as staff set them at /staff/availability: one row, absent on a fresh install (the
/// code's defaults apply until someone saves).
/// </summary>
public sealed class AvailabilitySettings
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    /// <summary>One line per open weekday, e.g. "Monday 09:00-17:00".</summary>
    public required string WeeklyHours { get; set; }

    public int CallMinutes { get; set; }
    public int CallsAtOnce { get; set; }
    public int DaysAhead { get; set; }
    public int MinimumNoticeMinutes { get; set; }

    /// <summary>Dates the clinic takes no calls, one yyyy-MM-dd per line.</summary>
    public required string ClosedDates { get; set; }

    public DateTime UpdatedAt { get; set; }
}
