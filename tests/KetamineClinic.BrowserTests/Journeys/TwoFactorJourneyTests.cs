using KetamineClinic.BrowserTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task A_new_member_sets_up_an_authenticator_signs_in_with_a_code_and_once_with_a_recovery_code_then_adds_a_passkey_and_signs_in_with_it() =>
        browser.RunAsync(nameof(A_new_member_sets_up_an_authenticator_signs_in_with_a_code_and_once_with_a_recovery_code_then_adds_a_passkey_and_signs_in_with_it), async page =>
        {
            const string password = "two factor journey password";
            var email = $"mfa-{Guid.NewGuid():N}@clinic.example";
            var created = await AppCommand.RunAsync(browser.App.Directory,
                ["staff", "create", "--email", email, "--role", "Staff", "--password-stdin"], stdin: password);
            Assert.Equal(0, created.ExitCode);
            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

            await page.GotoAsync("/staff/login");
            await StaffSignIn.PasswordAsync(page, email, password);
            await Assertions.Expect(heading).ToHaveTextAsync("Set up your authenticator app");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of the key below" })).ToBeVisibleAsync();
            await page.AssertNoAccessibilityViolationsAsync();
            await AssertNoSidewaysScrollOnAPhoneAsync(page);
            // No staff page opens before the second factor is set up.
            await page.GotoAsync("/staff/requests");
            await Assertions.Expect(heading).ToHaveTextAsync("Set up your authenticator app");

            await page.GetByLabel("Code", new() { Exact = false }).FillAsync("000000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right");
            var (app, recoveryCodes) = await StaffSignIn.SetUpAuthenticatorAsync(page);
            Assert.Equal(10, recoveryCodes.Distinct().Count());
            await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them — continue" }).ClickAsync();
            await Assertions.Expect(heading).ToHaveTextAsync("Consultation requests");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await StaffSignIn.PasswordAsync(page, email, password);
            await Assertions.Expect(heading).ToHaveTextAsync("Enter your code");
            await page.AssertNoAccessibilityViolationsAsync();
            await AssertNoSidewaysScrollOnAPhoneAsync(page);
            await StaffSignIn.CodeAsync(page, await app.NextCodeAsync());
            await Assertions.Expect(heading).ToHaveTextAsync("Consultation requests");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await StaffSignIn.PasswordAsync(page, email, password);
            await StaffSignIn.CodeAsync(page, recoveryCodes[0]);
            await Assertions.Expect(heading).ToHaveTextAsync("Consultation requests");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "Your sign-in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("9 of 10 unused");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await StaffSignIn.PasswordAsync(page, email, password);
            await StaffSignIn.CodeAsync(page, recoveryCodes[0]);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right, or it has been used already");

            // Passkeys, on the app by host name (WebAuthn refuses an IP address), with Chromium's virtual authenticator.
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("WebAuthn.enable");
            await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                },
            });
            var site = browser.LocalhostAddress.GetLeftPart(UriPartial.Authority);
            await page.GotoAsync(site + "/staff/login");
            await StaffSignIn.PasswordAsync(page, email, password);
            await StaffSignIn.CodeAsync(page, recoveryCodes[1]);
            await page.GotoAsync(site + "/staff/account");
            await page.GetByLabel("Name for this passkey").FillAsync("Work laptop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey “Work laptop” added");
            await Assertions.Expect(page.GetByTestId("passkey")).ToContainTextAsync("Work laptop");
            await page.AssertNoAccessibilityViolationsAsync();
            await AssertNoSidewaysScrollOnAPhoneAsync(page);
            await BrowserFixture.SaveScreenshotsAsync(page, "staff-passkeys");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
            await Assertions.Expect(heading).ToHaveTextAsync("Consultation requests");
        });

    private static async Task AssertNoSidewaysScrollOnAPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
