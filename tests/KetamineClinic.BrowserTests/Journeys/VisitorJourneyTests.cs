using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class VisitorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task A_visitor_goes_from_the_home_page_to_an_article_and_opens_a_FAQ_answer() =>
        browser.RunAsync(nameof(A_visitor_goes_from_the_home_page_to_an_article_and_opens_a_FAQ_answer), async page =>
        {
            var mainNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await page.GotoAsync("/");

            await mainNav.GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Articles");

            await page.GetByRole(AriaRole.Link, new() { Name = "How ketamine works in the brain" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How ketamine works in the brain");
            Assert.EndsWith("/articles/how-ketamine-works", page.Url, StringComparison.Ordinal);

            await mainNav.GetByRole(AriaRole.Link, new() { Name = "FAQ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Frequently asked questions");
            var answer = page.GetByText("Some people notice changes within hours to days");
            await Assertions.Expect(answer).ToBeHiddenAsync();
            await page.GetByText("How fast does it work?", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(answer).ToBeVisibleAsync();
        });
}
