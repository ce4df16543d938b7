using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// The main time zone of each US state (and DC), so a visitor elsewhere sees a call time in their own time too. A state
/// that spans zones gets the zone most of its people live in; the label names the zone, so nobody has to guess.
/// </summary>
public static class StateTimeZones
{
    private const string Eastern = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Pacific = "America/Los_Angeles";

    private static readonly Dictionary<string, string> _zoneOfState = new(StringComparer.Ordinal)
    {
        ["AL"] = Central,
        ["AK"] = "America/Anchorage",
        ["AZ"] = "America/Phoenix",
        ["AR"] = Central,
        ["CA"] = Pacific,
        ["CO"] = Mountain,
        ["CT"] = Eastern,
        ["DE"] = Eastern,
        ["DC"] = Eastern,
        ["FL"] = Eastern,
        ["GA"] = Eastern,
        ["HI"] = "Pacific/Honolulu",
        ["ID"] = "America/Boise",
        ["IL"] = Central,
        ["IN"] = "America/Indiana/Indianapolis",
        ["IA"] = Central,
        ["KS"] = Central,
        ["KY"] = Eastern,
        ["LA"] = Central,
        ["ME"] = Eastern,
        ["MD"] = Eastern,
        ["MA"] = Eastern,
        ["MI"] = "America/Detroit",
        ["MN"] = Central,
        ["MS"] = Central,
        ["MO"] = Central,
        ["MT"] = Mountain,
        ["NE"] = Central,
        ["NV"] = Pacific,
        ["NH"] = Eastern,
        ["NJ"] = Eastern,
        ["NM"] = Mountain,
        ["NY"] = Eastern,
        ["NC"] = Eastern,
        ["ND"] = Central,
        ["OH"] = Eastern,
        ["OK"] = Central,
        ["OR"] = Pacific,
        ["PA"] = Eastern,
        ["RI"] = Eastern,
        ["SC"] = Eastern,
        ["SD"] = Central,
        ["TN"] = Central,
        ["TX"] = Central,
        ["UT"] = Mountain,
        ["VT"] = Eastern,
        ["VA"] = Eastern,
        ["WA"] = Pacific,
        ["WV"] = Eastern,
        ["WI"] = Central,
        ["WY"] = Mountain,
    };

    /// <summary>The state's zone, or null for an unknown code.</summary>
    public static DateTimeZone? Of(string? state) =>
        state is not null && _zoneOfState.TryGetValue(state, out var id) ? DateTimeZoneProviders.Tzdb[id] : null;

    /// <summary>The visitor's own zone when it keeps a different clock from the clinic's; null when it is the same.</summary>
    public static DateTimeZone? OtherThanClinic(string? state, DateTimeZone clinic) =>
        Of(state) is { } zone && !SameClock(zone, clinic) ? zone : null;

    private static bool SameClock(DateTimeZone a, DateTimeZone b) =>
        a.Id == b.Id || CallTimeLabels.ZoneName(a) == CallTimeLabels.ZoneName(b);
}
