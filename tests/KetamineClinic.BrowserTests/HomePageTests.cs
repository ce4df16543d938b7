using KetamineClinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public Task The_home_page_loads_only_from_its_own_host_and_passes_axe() =>
        browser.RunAsync(nameof(The_home_page_loads_only_from_its_own_host_and_passes_axe), async page =>
        {
            await page.GotoAsync("/");

            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
                .GetByRole(AriaRole.Link, new() { Name = "Request a consultation" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("In crisis? Call or text 988 (US)")).ToBeVisibleAsync();
            await page.AssertNoAccessibilityViolationsAsync();
        });

    [Fact]
    public Task The_skip_link_moves_keyboard_focus_to_the_main_content() =>
        browser.RunAsync(nameof(The_skip_link_moves_keyboard_focus_to_the_main_content), async page =>
        {
            await page.GotoAsync("/");

            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            await Assertions.Expect(skip).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        });
}
