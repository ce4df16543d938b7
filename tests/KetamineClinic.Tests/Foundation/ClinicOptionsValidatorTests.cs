using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class ClinicOptionsValidatorTests
{
    private static ClinicOptions Valid() => new()
    {
        Name = "Test Clinic",
        Phone = "(312) 555-0147",
        Email = "care@clinic.example",
        FirstResponseTime = "within one business day",
        Address = new ClinicAddress { Street = "1 Main St", City = "Chicago", Region = "IL", PostalCode = "60601" },
        TimeZone = "America/Chicago",
    };

    private static List<string> Failures(ClinicOptions options) =>
        new ClinicOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Complete_settings_pass() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void A_malformed_email_names_its_key()
    {
        var options = Valid();
        options.Email = "care-at-clinic";
        Assert.Equal("Clinic:Email 'care-at-clinic' is not a valid email address.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void An_unknown_time_zone_names_its_key()
    {
        var options = Valid();
        options.TimeZone = "Mars/Olympus";
        Assert.StartsWith("Clinic:TimeZone", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_base_url_names_its_key()
    {
        var options = Valid();
        options.BaseUrl = "/clinic";
        Assert.StartsWith("Clinic:BaseUrl", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_identity_lists_every_missing_key()
    {
        var failures = Failures(new ClinicOptions());
        Assert.Contains("Clinic:Name is required.", failures);
        Assert.Contains("Clinic:Phone is required.", failures);
        Assert.Contains("Clinic:Email is required.", failures);
        Assert.Contains("Clinic:Address:Street is required.", failures);
    }

    [Fact]
    public void The_phone_link_uses_e164() => Assert.Equal("+13125550147", Valid().PhoneE164);
}
