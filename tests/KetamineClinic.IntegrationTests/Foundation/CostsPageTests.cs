using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class CostsPageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task The_costs_page_shows_the_configured_prices_and_a_typical_course()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Costs:ConsultationFee"] = "0";
        custom.Settings["Clinic:Costs:SessionPrice"] = "399.50";
        custom.Settings["Clinic:Course:Sessions"] = "4";
        custom.Settings["Clinic:Costs:PaymentPlans"] = "Pay over six months.";
        var document = await custom.CreateClient().GetDocumentAsync("/costs");

        var prices = document.QuerySelectorAll(".price-list dd").Select(dd => dd.TextContent).ToList();
        Assert.Equal(["Free", "$399.50", "$1,598"], prices);
        Assert.Contains("4 sessions", document.QuerySelector(".price-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pay over six months.", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("main h3"), h => h.TextContent == "HSA and FSA");
        Assert.Contains("esketamine", document.QuerySelector("#insurance-heading + ul")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/treatment")]
    [InlineData("/consultation")]
    public async Task The_costs_page_is_linked_from(string path)
    {
        var document = await app.CreateClient().GetDocumentAsync(path);
        Assert.NotNull(document.QuerySelector("main a[href='/costs']"));
    }

    [Fact]
    public async Task The_home_page_says_the_cost_in_a_sentence()
    {
        var document = await app.CreateClient().GetDocumentAsync("/");
        Assert.Matches(@"A consultation is \$250, and a session \$475 \(a first series of 6 sessions: \$2,850\)", document.QuerySelector(".cost-line")!.TextContent);
    }
}
