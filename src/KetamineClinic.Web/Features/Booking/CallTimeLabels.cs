using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>Call times as people read them: "Tuesday, December 8, 10:30 AM Central Time".</summary>
public static class CallTimeLabels
{
    private static readonly LocalDatePattern _day = LocalDatePattern.Create("dddd, MMMM d", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern _time = LocalTimePattern.Create("h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>The everyday names of the US zones; any other zone is named by its IANA id.</summary>
    private static readonly Dictionary<string, string> _zoneNames = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "Eastern Time",
        ["America/Detroit"] = "Eastern Time",
        ["America/Indiana/Indianapolis"] = "Eastern Time",
        ["America/Chicago"] = "Central Time",
        ["America/Denver"] = "Mountain Time",
        ["America/Boise"] = "Mountain Time",
        ["America/Phoenix"] = "Arizona Time",
        ["America/Los_Angeles"] = "Pacific Time",
        ["America/Anchorage"] = "Alaska Time",
        ["Pacific/Honolulu"] = "Hawaii Time",
    };

    public static string ZoneName(DateTimeZone zone) => _zoneNames.GetValueOrDefault(zone.Id, zone.Id);

    public static string Day(LocalDate day) => _day.Format(day);

    public static string Time(Instant instant, DateTimeZone zone) => _time.Format(instant.InZone(zone).TimeOfDay);

    public static string DayAndTime(Instant instant, DateTimeZone zone) =>
        $"{Day(instant.InZone(zone).Date)}, {Time(instant, zone)} {ZoneName(zone)}";
}
