using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class ClinicOptionsValidatorTests : IDisposable
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("clinic-wwwroot-").FullName;

    public ClinicOptionsValidatorTests()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "img"));
        File.WriteAllText(Path.Combine(_webRoot, "img", "room.svg"), "<svg/>");
    }

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    private static ClinicOptions Valid() => new()
    {
        Name = "Test Clinic",
        Phone = "(312) 555-0147",
        Email = "care@clinic.example",
        FirstResponseTime = "within one business day",
        Address = new ClinicAddress { Street = "1 Main St", City = "Chicago", Region = "IL", PostalCode = "60601" },
        TimeZone = "America/Chicago",
        Trust = new ClinicTrust { LicensedIn = "Illinois", CareLedBy = "Care led by a psychiatrist", Monitoring = "Vital signs monitored throughout" },
        Photos = new ClinicPhotos { TreatmentRoom = "/img/room.svg", TreatmentRoomDescription = "A quiet room with a reclining chair." },
        NextSteps = ["We phone you."],
        Team = [new TeamMember { Id = "medical-director", Name = "Dr. Test", Credentials = "MD", Role = "Medical director", Photo = "/img/room.svg", Bio = "Leads every assessment." }],
    };

    [Fact]
    public void A_second_member_with_the_same_id_or_a_photo_that_is_not_in_wwwroot_names_its_key()
    {
        var options = Valid();
        options.Team.Add(new TeamMember { Id = "Medical-Director", Name = "B", Credentials = "NP", Role = "Nurse", Photo = "/img/nobody.jpg", Bio = "Stays with you." });

        Assert.Equal(
            ["Clinic:Team:1:Id 'Medical-Director' must be lower-case letters, digits and single hyphens, e.g. medical-director.", "Clinic:Team:1:Photo '/img/nobody.jpg' names no file in wwwroot."],
            Failures(options));

        options.Team[1].Id = "medical-director";
        Assert.Contains("Clinic:Team:1:Id 'medical-director' is already the id of Clinic:Team:0; ids must be unique.", Failures(options));
    }

    [Fact]
    public void No_team_or_no_next_steps_are_refused()
    {
        var options = Valid();
        options.Team.Clear();
        options.NextSteps.Clear();

        Assert.Equal(["Clinic:Team needs at least one member: articles name their author and reviewer from it.", "Clinic:NextSteps needs 1 to 8 steps, but has 0."], Failures(options));
    }

    private List<string> Failures(ClinicOptions options) =>
        new ClinicOptionsValidator(_webRoot).Validate(null, options).Failures?.ToList() ?? [];

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

    [Theory]
    [InlineData("/img/missing.jpg", "Clinic:Photos:TreatmentRoom '/img/missing.jpg' names no file in wwwroot.")]
    [InlineData("img/room.svg", "Clinic:Photos:TreatmentRoom 'img/room.svg' must be a path under wwwroot starting with '/', e.g. /img/photos/room.jpg.")]
    [InlineData("/../appsettings.json", "Clinic:Photos:TreatmentRoom '/../appsettings.json' must be a path under wwwroot starting with '/', e.g. /img/photos/room.jpg.")]
    [InlineData("https://photos.example/room.jpg", "Clinic:Photos:TreatmentRoom 'https://photos.example/room.jpg' must be a path under wwwroot starting with '/', e.g. /img/photos/room.jpg.")]
    public void A_photo_outside_wwwroot_or_missing_names_its_key(string path, string expected)
    {
        var options = Valid();
        options.Photos.TreatmentRoom = path;
        Assert.Equal(expected, Assert.Single(Failures(options)));
    }

    [Fact]
    public void A_missing_trust_fact_names_its_key()
    {
        var options = Valid();
        options.Trust.LicensedIn = " ";
        Assert.Equal("Clinic:Trust:LicensedIn is required.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void The_phone_link_uses_e164() => Assert.Equal("+13125550147", Valid().PhoneE164);
}
