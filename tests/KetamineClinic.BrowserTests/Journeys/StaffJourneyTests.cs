using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class StaffJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Staff_sign_in_find_a_request_change_its_status_add_a_note_export_CSV_and_sign_out() =>
        browser.RunAsync(nameof(Staff_sign_in_find_a_request_change_its_status_add_a_note_export_CSV_and_sign_out), async page =>
        {
            var reference = await ConsultationPage.SubmitValidRequestAsync(page, lastName: "Staffjourney");

            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in" }).ClickAsync();
            await browser.SignInAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Consultation requests");

            await page.GetByLabel("Search name, email, phone or reference").FillAsync(reference);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            var inbox = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "newest first" });
            await Assertions.Expect(inbox.GetByRole(AriaRole.Caption)).ToContainTextAsync("1 request matching");
            await inbox.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Request {reference}");

            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Contacted" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("Contacted");
            var timeline = page.Locator("ol.timeline");
            await Assertions.Expect(timeline).ToContainTextAsync("Status changed");

            await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Left a voicemail; will try again tomorrow.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added.");
            await Assertions.Expect(timeline).ToContainTextAsync("Left a voicemail; will try again tomorrow.");

            await page.GetByRole(AriaRole.Link, new() { Name = "← All requests" }).ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of these requests" }).ClickAsync());
            var csvPath = await download.PathAsync();
            var csv = await File.ReadAllTextAsync(csvPath);
            Assert.Contains(reference, csv, StringComparison.Ordinal);
            Assert.Contains("Staffjourney", csv, StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign-in");
            await page.GotoAsync("/staff/requests");
            Assert.Contains("/staff/login", page.Url, StringComparison.Ordinal);
        });
}
