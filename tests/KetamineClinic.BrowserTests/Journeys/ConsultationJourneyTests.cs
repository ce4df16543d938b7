using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ConsultationJourneyTests(BrowserFixture browser)
{
    private static readonly string[] _requiredInputIds =
        ["FirstName", "Email", "State", "HelpWith", "PreferredContact_0", "PreferredContact_2", "Consent", "IsAdult"];

    [Fact]
    public Task A_visitor_sends_the_form_empty_then_correctly_and_the_staff_email_is_written() =>
        browser.RunAsync(nameof(A_visitor_sends_the_form_empty_then_correctly_and_the_staff_email_is_written), async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
                .GetByRole(AriaRole.Link, new() { Name = "Request a consultation" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Request a consultation");

            await ConsultationPage.SendButton(page).ClickAsync();

            await ExpectMessagesBesideTheFieldsAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request a consultation", Level = 1 })).ToBeVisibleAsync();
            // The same error summary as the server's, focused, with a link to each field in error.
            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Request a consultation"));
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your first name." })).ToHaveAttributeAsync("href", "#FirstName");
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choose how you would like us to contact you." })).ToHaveAttributeAsync("href", "#PreferredContact");
            await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(1);
            await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address." }).ClickAsync();
            await Assertions.Expect(page.Locator("#Email")).ToBeFocusedAsync();
            // Checked in the browser before anything is sent: the radio buttons and tick boxes as well, and
            // every field in error says so to screen readers, as the server's page does.
            await Assertions.Expect(page.Locator("#PreferredContact-error")).ToHaveTextAsync("Choose how you would like us to contact you.");
            await Assertions.Expect(page.Locator("#Consent-error")).ToHaveTextAsync("Tick the box to agree to be contacted.");
            await Assertions.Expect(page.Locator("#IsAdult-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Confirm that you are \d+ or older\.$"));
            foreach (var id in _requiredInputIds)
            {
                await Assertions.Expect(page.Locator($"#{id}")).ToHaveAttributeAsync("aria-invalid", "true");
            }

            await page.AssertNoAccessibilityViolationsAsync();

            await ConsultationPage.FillRequiredFieldsAsync(page);
            await Assertions.Expect(page.Locator("#PreferredContact_2")).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await ConsultationPage.SendButton(page).ClickAsync();

            var reference = page.GetByTestId("reference");
            await Assertions.Expect(reference).ToBeVisibleAsync();
            var code = (await reference.TextContentAsync())!.Trim();
            Assert.NotEmpty(code);
            await page.AssertNoAccessibilityViolationsAsync();

            var email = await WaitForEmailAsync($"New consultation request {code}", TimeSpan.FromSeconds(10));
            Assert.Contains("care@harborview-clinic.example", email, StringComparison.Ordinal);
        });

    [Fact]
    public Task Without_JavaScript_the_server_shows_the_messages_and_then_the_reference() =>
        browser.RunAsync("consultation-no-js", async page =>
        {
            await page.GotoAsync("/consultation");

            await ConsultationPage.SendButton(page).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
            await Assertions.Expect(summary).ToBeVisibleAsync();
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Request a consultation"));
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your first name." })).ToHaveAttributeAsync("href", "#FirstName");
            await ExpectMessagesBesideTheFieldsAsync(page);
            await Assertions.Expect(page.GetByLabel("First name")).ToHaveAttributeAsync("aria-invalid", "true");

            await ConsultationPage.FillRequiredFieldsAsync(page);
            await ConsultationPage.SendButton(page).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you — we received your request");
            await Assertions.Expect(page.GetByTestId("reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S+"));
        }, javaScriptEnabled: false);

    private static async Task ExpectMessagesBesideTheFieldsAsync(IPage page)
    {
        // Each message sits in the field's own error element, which the field names in aria-describedby.
        foreach (var (id, message) in new[]
        {
            ("FirstName", "Enter your first name."),
            ("Email", "Enter your email address."),
            ("State", "Choose the state you live in."),
            ("HelpWith", "Tell us briefly what you would like help with."),
        })
        {
            await Assertions.Expect(page.Locator($"#{id}-error")).ToHaveTextAsync(message);
        }
    }

    private async Task<string> WaitForEmailAsync(string subject, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Directory.Exists(browser.App.MailDirectory))
            {
                foreach (var file in Directory.EnumerateFiles(browser.App.MailDirectory, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains("Subject: " + subject, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email with the subject “{subject}” in {browser.App.MailDirectory} within {timeout}.");
            await Task.Delay(200);
        }
    }
}
