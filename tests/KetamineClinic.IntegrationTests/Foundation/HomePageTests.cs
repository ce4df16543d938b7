using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class HomePageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task The_home_page_makes_one_promise_in_three_steps_with_one_primary_action()
    {
        var document = await app.CreateClient().GetDocumentAsync("/");

        var h1 = Assert.Single(document.QuerySelectorAll("h1")).TextContent;
        Assert.DoesNotContain(h1, document.QuerySelector(".hero .lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, document.QuerySelectorAll("ol.three-steps > li h3").Length);
        Assert.All(document.QuerySelectorAll("main .button"), button => Assert.Equal("/consultation", button.GetAttribute("href")));
        Assert.All(document.QuerySelectorAll("main img"), img => Assert.StartsWith("/img/", img.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trust_strip_and_the_room_photo_come_from_configuration()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Trust:LicensedIn"] = "Wisconsin and Minnesota";
        custom.Settings["Clinic:Trust:CareLedBy"] = "Care led by Dr. Test, MD";
        custom.Settings["Clinic:Trust:Monitoring"] = "Pulse and blood pressure watched all session";
        custom.Settings["Clinic:Photos:TreatmentRoom"] = "/favicon.svg";
        custom.Settings["Clinic:Photos:TreatmentRoomDescription"] = "Our room on the fourth floor.";
        var document = await custom.CreateClient().GetDocumentAsync("/");

        var facts = document.QuerySelectorAll(".trust-strip li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Licensed in Wisconsin and Minnesota", "Care led by Dr. Test, MD", "Pulse and blood pressure watched all session"], facts);
        var photo = document.QuerySelector("img.photo")!;
        Assert.Equal("Our room on the fourth floor.", photo.GetAttribute("alt"));
        Assert.Matches(@"^/favicon(\.\w+)?\.svg$", photo.GetAttribute("src"));
    }
}
