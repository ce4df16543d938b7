namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// Every address of the booking steps. They sit under /consultation so the request's confirmation cookie
/// (path /consultation) reaches them, and only the browser that sent the request can use them.
/// </summary>
public static class BookingRoutes
{
    public const string CallTemplate = "/consultation/{reference}/call";
    public const string CalendarFileTemplate = "/consultation/{reference}/call.ics";
    public const string NoTimeTemplate = "/consultation/{reference}/no-time";
    public const string ManageTemplate = "/booking/{token}";
    public const string CancelTemplate = "/booking/{token}/cancel";

    // Built by hand: route generation would lower-case the reference (RouteOptions.LowercaseUrls).
    public static string Call(string reference) => $"/consultation/{reference}/call";

    public static string CalendarFile(string reference) => $"/consultation/{reference}/call.ics";

    public static string NoTime(string reference) => $"/consultation/{reference}/no-time";

    /// <summary>The visitor's manage link, sent by email; it works without the confirmation cookie.</summary>
    public static string Manage(string token) => $"/booking/{token}";

    public static string Cancel(string token) => $"/booking/{token}/cancel";

    public static string Received(string reference) => $"/consultation/received/{reference}";
}
