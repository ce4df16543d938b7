using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class LayoutTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Home_page_has_the_navigation_phone_link_and_crisis_line()
    {
        var client = app.CreateClient();
        var document = await client.GetDocumentAsync("/");

        var nav = document.QuerySelector("nav[aria-label=Main]")!;
        var labels = nav.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Articles", "Treatment", "Self-check", "FAQ", "Request a consultation"], labels);
        Assert.Matches(@"^/img/logo-mark(\.\w+)?\.svg", document.QuerySelector("header .brand img")!.GetAttribute("src"));

        Assert.Contains(document.QuerySelectorAll("header a[href^='tel:']"), a => a.GetAttribute("href") == "tel:+13125550147");
        var footer = document.QuerySelector("footer")!;
        Assert.Contains("In crisis? Call or text 988 (US)", footer.TextContent.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Single(footer.QuerySelectorAll("a[href='tel:988']"));
        Assert.NotNull(footer.QuerySelector("a[href='/privacy']"));
        Assert.Contains("200 Example Avenue", footer.QuerySelector("address")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Monday–Friday", footer.TextContent, StringComparison.Ordinal);
        Assert.Equal("en-US", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Clinic_identity_comes_from_configuration()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Name"] = "Lakeside Test Clinic";
        custom.Settings["Clinic:Phone"] = "415-555-0123";
        var document = await custom.CreateClient().GetDocumentAsync("/");

        Assert.Equal("Lakeside Test Clinic", document.QuerySelector(".brand")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("a[href='tel:+14155550123']"));
    }
}
