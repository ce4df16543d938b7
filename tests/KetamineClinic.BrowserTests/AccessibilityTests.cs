using KetamineClinic.BrowserTests.Infrastructure;
using KetamineClinic.BrowserTests.Journeys;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests;

/// <summary>axe-core finds no violation, at any impact, on every page a visitor or a staff member can reach.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/how-ketamine-works")]
    [InlineData("/faq")]
    [InlineData("/treatment")]
    [InlineData("/costs")]
    [InlineData("/team")]
    [InlineData("/privacy")]
    [InlineData("/accessibility")]
    [InlineData("/self-check")]
    [InlineData("/consultation")]
    [InlineData("/staff/login")]
    public Task A_public_page_has_no_accessibility_violations(string path) =>
        browser.RunAsync("axe" + path.Replace('/', '-'), async page =>
        {
            var response = await page.GotoAsync(path);

            Assert.Equal(200, response!.Status);
            await page.AssertNoAccessibilityViolationsAsync();
            await BrowserFixture.SaveScreenshotsAsync(page, path == "/" ? "page-home" : "page" + path.Replace('/', '-'));
        });

    [Fact]
    public Task The_not_found_page_has_no_accessibility_violations() =>
        browser.RunAsync("axe-not-found", async page =>
        {
            var response = await page.GotoAsync("/no-such-page");

            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoAccessibilityViolationsAsync();
        }, errorDocumentExpected: true);

    [Fact]
    public Task The_form_rejected_by_the_server_has_no_accessibility_violations() =>
        browser.RunAsync("axe-consultation-server-errors", async page =>
        {
            await page.GotoAsync("/consultation");
            await ConsultationPage.FillRequiredFieldsAsync(page);
            // The browser's checks pass a phone number only the server knows is not a US number.
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Phone", Exact = true }).FillAsync("12345");
            await ConsultationPage.SendButton(page).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter a US phone number, like (312) 555-0147." })).ToBeVisibleAsync();
            await page.AssertNoAccessibilityViolationsAsync();
        });

    [Fact]
    public Task The_staff_pages_have_no_accessibility_violations() =>
        browser.RunAsync("axe-staff", async page =>
        {
            var reference = await ConsultationPage.SubmitValidRequestAsync(page, lastName: "Axe");
            var bookedReference = await ConsultationPage.SubmitValidRequestAsync(page, lastName: "Booked");
            await page.Locator("form.choose-time label").First.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Book this call" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("booked-time")).ToBeVisibleAsync();
            await page.GotoAsync("/staff/login");
            await page.GetByLabel("Password").FillAsync("not the password at all");
            await page.GetByLabel("Email").FillAsync(BrowserFixture.StaffEmail);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right");
            await page.AssertNoAccessibilityViolationsAsync();

            await browser.SignInAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Consultation requests");
            await page.AssertNoAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Request {reference}");
            await page.AssertNoAccessibilityViolationsAsync();

            var staffNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" });
            await staffNav.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/audit"));
            await page.AssertNoAccessibilityViolationsAsync();

            await staffNav.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/users"));
            await page.AssertNoAccessibilityViolationsAsync();

            // Booking (issue 16): the schedule, with the call booked above, and the availability form.
            await staffNav.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Schedule");
            await Assertions.Expect(page.GetByTestId("schedule-call").Filter(new() { HasText = bookedReference })).ToBeVisibleAsync();
            await page.AssertNoAccessibilityViolationsAsync();
            await BrowserFixture.SaveScreenshotsAsync(page, "staff-schedule");

            await staffNav.GetByRole(AriaRole.Link, new() { Name = "Availability" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Availability");
            await page.AssertNoAccessibilityViolationsAsync();
            await BrowserFixture.SaveScreenshotsAsync(page, "staff-availability");
        });
}
