using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Infrastructure;

public static class AccessibilityExtensions
{
    /// <summary>
    /// Runs axe-core on the page and fails with every violation listed, whatever its impact.
    /// axe is a script, so it cannot run where JavaScript is disabled: call it from JavaScript-enabled journeys.
    /// </summary>
    public static async Task AssertNoAccessibilityViolationsAsync(this IPage page)
    {

        var result = await page.RunAxe();
        var violations = result.Violations.Select(Describe).ToList();
        Assert.True(violations.Count == 0, $"axe-core violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    private static string Describe(AxeResultItem item) =>
        $"- [{item.Impact}] {item.Id}: {item.Help} — " + string.Join("; ", item.Nodes.Take(5).Select(n => n.Target?.ToString() ?? n.Html));
}
