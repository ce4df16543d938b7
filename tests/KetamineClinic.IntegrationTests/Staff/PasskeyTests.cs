using System.Net;
using System.Text.Json;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Account;
using KetamineClinic.Web.Features.Staff.TwoFactor;
using KetamineClinic.Web.Features.Staff.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Staff;

/// <summary>
/// What can be checked of passkeys without an authenticator: the options, the refusals, listing and removing, the reset.
/// Registering and signing in with a real (virtual) authenticator is the browser test's job (TwoFactorJourneyTests).
/// </summary>
public sealed class PasskeyTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public PasskeyTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Sign_in_options_need_the_antiforgery_token_and_name_no_account()
    {
        var client = _app.CreateNonRedirectingClient();
        using var withoutToken = await client.PostAsync(StaffRoutes.PasskeySignInOptions, new FormUrlEncodedContent([]));
        var login = await client.GetDocumentAsync(StaffRoutes.Login);

        using var options = await client.PostAsync(StaffRoutes.PasskeySignInOptions, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = login.AntiforgeryToken(),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rpId").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("challenge").GetString()));
        Assert.True(!json.RootElement.TryGetProperty("allowCredentials", out var allowed) || allowed.GetArrayLength() == 0);
        var ceremony = options.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityConstants.TwoFactorUserIdScheme + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", ceremony, StringComparison.OrdinalIgnoreCase);
        // The sign-in form is in the page, hidden until passkeys.js finds a browser that can use passkeys.
        var form = login.QuerySelector($"form[action='{StaffRoutes.PasskeySignIn}']")!;
        Assert.True(form.HasAttribute("hidden"));
        Assert.Contains("Sign in with a passkey", form.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creation_options_need_a_signed_in_member_and_a_name()
    {
        using var anonymous = await _app.CreateNonRedirectingClient().PostAsync(StaffRoutes.PasskeyCreationOptions, new FormUrlEncodedContent([]));
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var client = _app.CreateNonRedirectingClient();
        (await client.SignInWithCodeAsync(email, key)).Dispose();

        using var withoutName = await client.PostFormAsync(StaffRoutes.Account, StaffRoutes.Passkeys, new() { ["Name"] = " " }, StaffRoutes.PasskeyCreationOptions);
        using var options = await client.PostFormAsync(StaffRoutes.Account, StaffRoutes.Passkeys, new() { ["Name"] = "Work laptop" }, StaffRoutes.PasskeyCreationOptions);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(StaffRoutes.Login, anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(email, json.RootElement.GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Adding_a_passkey_the_browser_did_not_make_keeps_the_name_says_why_and_stores_nothing()
    {
        var client = await _app.SignedInClientAsync();

        using var notMade = await client.PostFormAsync(StaffRoutes.Account, StaffRoutes.Passkeys, new() { ["Name"] = "Work laptop", ["CredentialJson"] = "" });
        var page = await notMade.ReadDocumentAsync();
        using var forged = await client.PostFormAsync(StaffRoutes.Account, StaffRoutes.Passkeys, new() { ["Name"] = "Work laptop", ["CredentialJson"] = """{"id":"AAAA","type":"public-key"}""" });
        using var unnamed = await client.PostFormAsync(StaffRoutes.Account, StaffRoutes.Passkeys, new() { ["Name"] = "", ["CredentialJson"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notMade.StatusCode);
        Assert.Contains(TwoFactorController.PasskeyNotMadeMessage, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Work laptop", page.QuerySelector("input#passkey-name")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("input#passkey-name")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains(TwoFactorController.PasskeyTooSlowMessage, (await forged.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter a name for the passkey", (await unnamed.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await using var scope = _app.CreateDbScope();
        Assert.Equal(0, await scope.Db.Set<IdentityUserPasskey<string>>().CountAsync());
    }

    [Fact]
    public async Task A_passkey_that_is_not_this_sites_does_not_sign_in_and_is_audited()
    {
        var client = _app.CreateNonRedirectingClient();
        var login = await client.GetDocumentAsync(StaffRoutes.Login);
        (await client.PostAsync(StaffRoutes.PasskeySignInOptions, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = login.AntiforgeryToken(),
        }))).Dispose();

        using var forged = await client.PostAsync(StaffRoutes.PasskeySignIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = login.AntiforgeryToken(),
            ["CredentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"}}""",
        }));
        using var requests = await client.GetAsync(StaffRoutes.Requests);

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains(AccountController.PasskeyFailureMessage, (await forged.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, requests.StatusCode);
        await using var scope = _app.CreateDbScope();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.Details == "passkey not accepted"));
    }

    [Fact]
    public async Task Passkeys_are_listed_for_their_member_and_admins_removed_by_the_member_and_all_removed_by_reset_2fa()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        await StorePasskeyAsync(email, "Work laptop", 1);
        await StorePasskeyAsync(email, "1Password", 2);
        var member = _app.CreateNonRedirectingClient();
        (await member.SignInWithCodeAsync(email, key)).Dispose();
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);

        var account = await member.GetDocumentAsync(StaffRoutes.Account);
        var listed = account.QuerySelectorAll("[data-testid=passkey]").Select(p => p.TextContent).ToList();
        var users = await admin.GetDocumentAsync(StaffRoutes.Users);
        var row = users.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));

        Assert.Equal(2, listed.Count);
        Assert.Contains("Work laptop", listed[0], StringComparison.Ordinal);
        Assert.Contains("Passkey “Work laptop”, added", row.QuerySelector("[data-testid=member-passkeys]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Passkey “1Password”, added", row.QuerySelector("[data-testid=member-passkeys]")!.TextContent, StringComparison.Ordinal);

        var id = account.QuerySelector("[data-testid=passkey] input[name=id]")!.GetAttribute("value")!;
        using var removed = await member.PostFormAsync(StaffRoutes.Account, StaffRoutes.PasskeyRemove, new() { ["id"] = id });
        Assert.Equal(StaffRoutes.Account, removed.Headers.Location!.OriginalString);
        Assert.Equal(["1Password"], await PasskeyNamesAsync(email));

        await using (var scope = _app.CreateDbScope())
        {
            var reset = await scope.Services.GetRequiredService<StaffAccounts>().ResetTwoFactorAsync(email, AuditActor.Cli, CancellationToken.None);
            Assert.True(reset.Succeeded);
        }

        Assert.Empty(await PasskeyNamesAsync(email));
        await using var check = _app.CreateDbScope();
        var userId = (await check.Db.Users.SingleAsync(u => u.Email == email)).Id;
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasskeyRemoved && a.ActorId == userId));
    }

    /// <summary>A stored passkey as Identity keeps one; its keys are never used here, only its name and date.</summary>
    private async Task StorePasskeyAsync(string email, string name, byte id)
    {
        await using var scope = _app.CreateDbScope();
        var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var passkey = new UserPasskeyInfo([id, 1, 2, 3], [4, 5, 6], DateTimeOffset.UtcNow.AddMinutes(id), 0, ["internal"], true, false, false, [7], [8]) { Name = name };
        Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
    }

    private async Task<List<string?>> PasskeyNamesAsync(string email)
    {
        await using var scope = _app.CreateDbScope();
        var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
        return [.. (await users.GetPasskeysAsync((await users.FindByEmailAsync(email))!)).Select(p => p.Name)];
    }
}
