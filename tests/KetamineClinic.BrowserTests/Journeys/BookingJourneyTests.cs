using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_visitor_sends_a_request_chooses_a_time_and_sees_the_call_booked(bool javaScript) =>
        browser.RunAsync(javaScript ? "booking-js" : "booking-no-js", async page =>
        {
            await page.GotoAsync("/consultation");
            await ConsultationPage.FillRequiredFieldsAsync(page);
            await ConsultationPage.SendButton(page).ClickAsync();

            var list = page.GetByRole(AriaRole.Group, new() { Name = "Choose a time for your call" });
            await Assertions.Expect(list).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("reference")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "None of these times suit me" })).ToBeVisibleAsync();
            if (javaScript)
            {
                await page.AssertNoAccessibilityViolationsAsync();
            }

            await SaveAsync(page, javaScript ? "booking-times-js" : "booking-times-no-js");
            var firstLabel = page.Locator("form.choose-time label").First;
            var chosen = (await firstLabel.TextContentAsync())!.Split(" (")[0].Trim();
            Assert.EndsWith("Central Time", chosen, StringComparison.Ordinal);
            await firstLabel.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Book this call" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your call is booked");
            await Assertions.Expect(page.GetByTestId("booked-time")).ToHaveTextAsync(chosen);
            await Assertions.Expect(page.GetByTestId("reference")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" })).ToBeVisibleAsync();
            if (javaScript)
            {
                await page.AssertNoAccessibilityViolationsAsync();
            }

            await SaveAsync(page, javaScript ? "booking-booked-js" : "booking-booked-no-js");
        }, javaScriptEnabled: javaScript);

    /// <summary>Full-page screenshots at phone and desktop widths into artifacts/browser/, to be looked at.</summary>
    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(KetamineClinic.Testing.RepositoryPaths.Artifacts);
        foreach (var (label, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(KetamineClinic.Testing.RepositoryPaths.Artifacts, $"{name}-{label}.png"), FullPage = true });
        }
    }
}
