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
