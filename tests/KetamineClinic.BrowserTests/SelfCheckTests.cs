using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SelfCheckTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_visitor_answers_the_self_check_and_sees_a_score_not_a_diagnosis(bool javaScript) =>
        browser.RunAsync($"self-check-js-{javaScript}", async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Anxiety self-check (GAD-7)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anxiety self-check (GAD-7)");
            if (javaScript)
            {
                await page.AssertNoAccessibilityViolationsAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "See my score" }).ClickAsync();
            if (javaScript)
            {
                // The browser's own required-field check stops an empty form before it is sent.
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anxiety self-check (GAD-7)");
                Assert.EndsWith("/self-check", page.Url, StringComparison.Ordinal);
            }

            var questions = page.GetByRole(AriaRole.Group);
            Assert.Equal(7, await questions.CountAsync());
            for (var i = 0; i < 7; i++)
            {
                await questions.Nth(i).GetByLabel(i % 2 == 0 ? "Several days" : "Nearly every day").CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "See my score" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("score")).ToHaveTextAsync("13");
            await Assertions.Expect(page.GetByTestId("band")).ToHaveTextAsync("moderate");
            await Assertions.Expect(page.GetByText("This is not a diagnosis.")).ToBeVisibleAsync();
            if (javaScript)
            {
                await page.AssertNoAccessibilityViolationsAsync();
            }
        }, javaScriptEnabled: javaScript);
}
