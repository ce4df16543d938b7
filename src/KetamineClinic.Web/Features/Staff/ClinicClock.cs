using System.Globalization;
using KetamineClinic.Web.Clinic;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>Times are stored in UTC; staff read them in the clinic's own time zone (<c>Clinic:TimeZone</c>).</summary>
public sealed class ClinicClock(IOptions<ClinicOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = options.Value.TimeZoneInfo;

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public string Format(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";

    /// <summary>
    /// The UTC instant at which a clinic-local calendar day starts; for a day at the very edge of the calendar, whose
    /// start has no UTC instant (0001-01-01 east of Greenwich), the earliest or latest instant there is.
    /// </summary>
    public DateTime StartOfLocalDayUtc(DateOnly day)
    {
        try
        {
            return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);
        }
        catch (ArgumentException)
        {
            return DateTime.SpecifyKind(day.Year < 5000 ? DateTime.MinValue : DateTime.MaxValue, DateTimeKind.Utc);
        }
    }
}
