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

    /// <summary>The UTC instant at which a clinic-local calendar day starts.</summary>
    public DateTime StartOfLocalDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);
}
