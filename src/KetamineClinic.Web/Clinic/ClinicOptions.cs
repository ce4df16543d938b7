namespace KetamineClinic.Web.Clinic;

/// <summary>The clinic's identity, shown on every page and in emails. Bound from the <c>Clinic</c> section.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "";
    public string Tagline { get; set; } = "";

    /// <summary>As people should read it, e.g. "(312) 555-0147".</summary>
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public ClinicAddress Address { get; set; } = new();

    /// <summary>Opening hours, one line each, e.g. "Monday–Friday, 8 am–6 pm".</summary>
    public List<string> Hours { get; set; } = [];

    /// <summary>Completes "We will contact you …", e.g. "within one business day".</summary>
    public string FirstResponseTime { get; set; } = "";

    /// <summary>IANA time zone the clinic works in; staff see times in it.</summary>
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>Public origin, e.g. https://clinic.example. Used for canonical links, feeds and emails.</summary>
    public string BaseUrl { get; set; } = "";

    // Issue 18 (the look): what the home page's trust strip says, and the photos an operator drops into wwwroot.
    public ClinicTrust Trust { get; set; } = new();
    public ClinicPhotos Photos { get; set; } = new();

    /// <summary>"What happens next" on the confirmation after a call is booked: numbered steps, one sentence or two each.</summary>
    public List<string> NextSteps { get; set; } = [];

    /// <summary>The care team on <c>/team</c>; articles name their author and reviewer by a member's id.</summary>
    public List<TeamMember> Team { get; set; } = [];

    public TeamMember? FindTeamMember(string? id) =>
        id is null ? null : Team.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The phone number in E.164 for <c>tel:</c> links.</summary>
    public string PhoneE164 => PhoneNumber.TryNormalizeUs(Phone, out var e164) ? e164 : "";

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class ClinicAddress
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "US";

    public override string ToString() => $"{Street}, {City}, {Region} {PostalCode}";
}

/// <summary>The three facts of the home page's trust strip; each one a short phrase.</summary>
public sealed class ClinicTrust
{
    /// <summary>Completes "Licensed in …", e.g. "Illinois".</summary>
    public string LicensedIn { get; set; } = "";

    /// <summary>Who leads the care, e.g. "Care led by a board-certified psychiatrist".</summary>
    public string CareLedBy { get; set; } = "";

    /// <summary>How the sessions are watched, e.g. "Vital signs monitored throughout every session".</summary>
    public string Monitoring { get; set; } = "";
}

/// <summary>Paths under wwwroot (starting with "/") of photos the operator provides; the defaults are drawn placeholders.</summary>
public sealed class ClinicPhotos
{
    public string TreatmentRoom { get; set; } = "/img/photos/treatment-room.svg";

    /// <summary>What the treatment room photo shows, for people who cannot see it.</summary>
    public string TreatmentRoomDescription { get; set; } = "";
}
