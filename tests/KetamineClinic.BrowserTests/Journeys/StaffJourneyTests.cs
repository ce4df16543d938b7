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

            // Shortcuts never fire in a text field: "j" typed into the search is just a letter.
            var search = page.GetByLabel("Search name, email, phone or reference");
            await Assertions.Expect(page.Locator("#queue-shortcuts")).ToBeVisibleAsync();
            await search.PressAsync("j");
            await Assertions.Expect(search).ToHaveValueAsync("j");
            await Assertions.Expect(search).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("tr.is-current")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("table.queue caption")).ToContainTextAsync("matching “j”");

            // The list follows as you type (no submit) and the field keeps its focus; then j and Enter open the request.
            await search.FillAsync(reference);
            var inbox = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "newest first" });
            await Assertions.Expect(inbox.GetByRole(AriaRole.Caption)).ToContainTextAsync($"1 request matching “{reference}”");
            await Assertions.Expect(search).ToBeFocusedAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={reference}$"));
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();
            await page.Keyboard.PressAsync("j");
            await Assertions.Expect(inbox.GetByRole(AriaRole.Link, new() { Name = reference })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Request {reference}");

            // The button still submits the search as a GET form (the way without a script), and a click anywhere in a row opens it.
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await Assertions.Expect(inbox.GetByRole(AriaRole.Caption)).ToContainTextAsync("1 request matching");
            await inbox.Locator("tbody tr td[data-label=State]").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Request {reference}");
            var requestPage = new Uri(page.Url).PathAndQuery;

            // The action panel: first on the page (reached first by Tab), the call link, one click per status.
            await Assertions.Expect(page.Locator("aside.action-panel a[href^='tel:']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Call \(\d{3}\) \d{3}-\d{4}$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Change status to Contacted" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("current-status")).ToHaveTextAsync("Contacted");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change status to Contacted" })).ToHaveCountAsync(0);
            var timeline = page.Locator("ol.timeline");
            await Assertions.Expect(timeline).ToContainTextAsync("Status changed");

            await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Left a voicemail; will try again tomorrow.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added.");
            await Assertions.Expect(timeline).ToContainTextAsync("Left a voicemail; will try again tomorrow.");

            await page.GetByRole(AriaRole.Link, new() { Name = "← All requests" }).ClickAsync();
            await page.GetByLabel("Search name, email, phone or reference").FillAsync(reference);
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.GetByLabel($"Select {reference}").CheckAsync();
            await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Scheduled" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Change status of ticked" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Status changed to Scheduled for 1 request.");
            await Assertions.Expect(inbox.Locator("tbody tr td[data-label=Status]")).ToHaveTextAsync("Scheduled");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of these requests" }).ClickAsync());
            var csvPath = await download.PathAsync();
            var csv = await File.ReadAllTextAsync(csvPath);
            Assert.Contains(reference, csv, StringComparison.Ordinal);
            Assert.Contains("Staffjourney", csv, StringComparison.Ordinal);

            await EveryStaffPageFitsAPhoneAsync(page, requestPage);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign-in");
            await page.GotoAsync("/staff/requests");
            Assert.Contains("/staff/login", page.Url, StringComparison.Ordinal);
        });

    /// <summary>
    /// Every page the staff navigation leads to (so pages added later are checked too), and a request's page: no
    /// sideways scrolling at 390 px (nor at 1280 px), and a screenshot at 390 and 1280 px in artifacts/browser/ to look at.
    /// </summary>
    private static async Task EveryStaffPageFitsAPhoneAsync(IPage page, string requestPage)
    {
        var paths = new List<string> { requestPage };
        foreach (var href in await page.Locator("nav[aria-label=Staff] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            paths.Add(href);
        }

        Directory.CreateDirectory(KetamineClinic.Testing.RepositoryPaths.Artifacts);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var name = "staff-" + string.Join("-", path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).DefaultIfEmpty("home"))
                .Replace("requests-", "request-", StringComparison.Ordinal);
            foreach (var (label, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(path);
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide at {widths[1]} px: it scrolls sideways.");

                await page.ScreenshotAsync(new() { Path = Path.Combine(KetamineClinic.Testing.RepositoryPaths.Artifacts, $"{name}-{label}.png"), FullPage = true });
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
