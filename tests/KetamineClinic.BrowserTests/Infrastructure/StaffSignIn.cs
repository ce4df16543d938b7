using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Infrastructure;

/// <summary>The staff sign-in as a person does it in the browser: password, then a code (or first, setting up the app).</summary>
public static class StaffSignIn
{
    public static async Task PasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>On the code page, enters a code and continues.</summary>
    public static async Task CodeAsync(IPage page, string code)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your code");
        await page.GetByLabel("Code", new() { Exact = false }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>On the set-up page: reads the key, enters its current code, and returns the app and the recovery codes shown.</summary>
    public static async Task<(Authenticator App, IReadOnlyList<string> RecoveryCodes)> SetUpAuthenticatorAsync(IPage page)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up your authenticator app");
        var app = new Authenticator(await page.GetByTestId("authenticator-key").InnerTextAsync());
        await page.GetByLabel("Code", new() { Exact = false }).FillAsync(await app.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your recovery codes");
        var codes = await page.GetByTestId("recovery-code").AllInnerTextsAsync();
        return (app, codes);
    }
}
