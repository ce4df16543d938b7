using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.TwoFactor;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class TwoFactorTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public TwoFactorTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> StaffPages =>
    [
        "/staff", "/staff/requests", "/staff/requests/1", "/staff/requests/export", "/staff/audit", "/staff/users", "/staff/account",
        "/staff/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_member_without_a_second_factor_is_sent_to_set_one_up_from_every_staff_page(string route)
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Admin);
        var client = _app.CreateNonRedirectingClient();
        using (var password = await client.PostLoginAsync(email, StaffSignIn.Password))
        {
            Assert.Equal(StaffRoutes.AuthenticatorSetup, password.Headers.Location!.OriginalString);
        }

        using var get = await client.GetAsync(route);
        using var post = await client.PostAsync(route, new FormUrlEncodedContent([]));

        Assert.Equal((HttpStatusCode.Redirect, StaffRoutes.AuthenticatorSetup), (get.StatusCode, get.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, StaffRoutes.AuthenticatorSetup), (post.StatusCode, post.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task Setting_up_shows_a_QR_code_and_the_key_refuses_a_wrong_code_and_then_gives_ten_recovery_codes()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = _app.CreateNonRedirectingClient();
        (await client.PostLoginAsync(email, StaffSignIn.Password)).Dispose();

        var setup = await client.GetDocumentAsync(StaffRoutes.AuthenticatorSetup);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim();
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.StartsWith("Code", setup.QuerySelector("label[for=Code]")!.TextContent.Trim(), StringComparison.Ordinal);
        var input = setup.QuerySelector("input#Code")!;
        Assert.Equal(("one-time-code", "numeric"), (input.GetAttribute("autocomplete"), input.GetAttribute("inputmode")));

        var wrongCode = StaffSignIn.CodeFor(key, DateTime.UtcNow.AddMinutes(-10));
        using var wrong = await client.PostFormAsync(StaffRoutes.AuthenticatorSetup, StaffRoutes.AuthenticatorSetup, new() { ["Code"] = wrongCode });
        var wrongPage = await wrong.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(TwoFactorController.WrongSetupCodeMessage, wrongPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", wrongPage.QuerySelector("input#Code")!.GetAttribute("aria-invalid"));
        Assert.Equal(key, wrongPage.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim());
        await using (var scope = _app.CreateDbScope())
        {
            Assert.False((await scope.Db.Users.SingleAsync(u => u.Email == email)).TwoFactorEnabled);
        }

        using var right = await client.PostFormAsync(StaffRoutes.AuthenticatorSetup, StaffRoutes.AuthenticatorSetup, new() { ["Code"] = StaffSignIn.CodeFor(key) });
        var codes = (await right.ReadDocumentAsync()).QuerySelectorAll("[data-testid=recovery-code]").Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal(10, codes.Distinct().Count());
        using var requests = await client.GetAsync(StaffRoutes.Requests);
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        using var again = await client.GetAsync(StaffRoutes.Audit);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var account = await client.GetDocumentAsync(StaffRoutes.Account);
        Assert.Contains("10 of 10 unused", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var check = _app.CreateDbScope();
        var user = await check.Db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.TwoFactorEnabled);
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.ActorId == user.Id));
    }

    [Fact]
    public async Task An_enrolled_member_signs_in_with_password_then_code_and_the_session_keeps_its_second_factor()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var client = _app.CreateNonRedirectingClient();

        using var password = await client.PostLoginAsync(email, StaffSignIn.Password);
        using var beforeCode = await client.GetAsync(StaffRoutes.Requests);
        var codePage = await client.GetDocumentAsync(StaffRoutes.LoginCode);
        using var code = await client.PostCodeAsync(StaffSignIn.CodeFor(key));

        Assert.StartsWith(StaffRoutes.LoginCode, password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith(StaffRoutes.Login, beforeCode.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("Code", codePage.QuerySelector("label[for=Code]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(StaffRoutes.Requests, code.Headers.Location!.OriginalString);
        // Every request re-validates the security stamp and rebuilds the session; it must stay a two-factor one.
        for (var i = 0; i < 3; i++)
        {
            using var page = await client.GetAsync(StaffRoutes.Requests);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_used_code_cannot_be_used_again_and_wrong_codes_count_toward_the_lockout()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var first = _app.CreateNonRedirectingClient();
        using (var signedIn = await first.SignInWithCodeAsync(email, key))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var second = _app.CreateNonRedirectingClient();
        (await second.PostLoginAsync(email, StaffSignIn.Password)).Dispose();
        using var replayed = await second.PostCodeAsync(StaffSignIn.CodeFor(key));

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(TwoFactorController.WrongCodeMessage, (await replayed.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var scope = _app.CreateDbScope())
        {
            Assert.Equal(1, (await scope.Db.Users.SingleAsync(u => u.Email == email)).AccessFailedCount);
        }

        for (var i = 0; i < 4; i++)
        {
            (await second.PostCodeAsync("000000")).Dispose();
        }

        await using var check = _app.CreateDbScope();
        var user = await check.Db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.Subject == AuditTrail.UserSubject(user.Id) && a.Details == "wrong code"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_new_codes_void_the_old_ones()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = _app.CreateNonRedirectingClient();
        (await client.PostLoginAsync(email, StaffSignIn.Password)).Dispose();
        var key = (await client.GetDocumentAsync(StaffRoutes.AuthenticatorSetup)).QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        using var enrolled = await client.PostFormAsync(StaffRoutes.AuthenticatorSetup, StaffRoutes.AuthenticatorSetup, new() { ["Code"] = StaffSignIn.CodeFor(key) });
        var codes = (await enrolled.ReadDocumentAsync()).QuerySelectorAll("[data-testid=recovery-code]").Select(c => c.TextContent.Trim()).ToList();

        var withRecovery = _app.CreateNonRedirectingClient();
        (await withRecovery.PostLoginAsync(email, StaffSignIn.Password)).Dispose();
        // Typed in lower case without the dash: still the code.
        using var recovered = await withRecovery.PostCodeAsync(codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal(StaffRoutes.Requests, recovered.Headers.Location!.OriginalString);

        var reused = _app.CreateNonRedirectingClient();
        (await reused.PostLoginAsync(email, StaffSignIn.Password)).Dispose();
        using var usedTwice = await reused.PostCodeAsync(codes[0]);
        Assert.Equal(HttpStatusCode.OK, usedTwice.StatusCode);

        using var renewed = await withRecovery.PostFormAsync(StaffRoutes.Account, StaffRoutes.RecoveryCodes, []);
        var newCodes = (await renewed.ReadDocumentAsync()).QuerySelectorAll("[data-testid=recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        using var oldCode = await reused.PostCodeAsync(codes[1]);
        using var newCode = await reused.PostCodeAsync(newCodes[0]);

        Assert.Equal(HttpStatusCode.OK, oldCode.StatusCode);
        Assert.Equal(StaffRoutes.Requests, newCode.Headers.Location!.OriginalString);
        await using var check = _app.CreateDbScope();
        var userId = (await check.Db.Users.SingleAsync(u => u.Email == email)).Id;
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInSucceeded && a.ActorId == userId && a.Details == "recovery code"));
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RecoveryCodesRenewed && a.ActorId == userId));
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_toward_the_lockout_and_a_locked_account_cannot_use_a_right_one()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        await _app.EnrolAuthenticatorAsync(email);
        List<string> codes;
        await using (var scope = _app.CreateDbScope())
        {
            var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
            codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, TwoFactorController.RecoveryCodeCount) ?? []];
        }

        var client = _app.CreateNonRedirectingClient();
        (await client.PostLoginAsync(email, StaffSignIn.Password)).Dispose();
        using (var wrong = await client.PostCodeAsync("ABCDE-23456"))
        {
            Assert.Contains(TwoFactorController.WrongCodeMessage, (await wrong.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        await using (var scope = _app.CreateDbScope())
        {
            Assert.Equal(1, (await scope.Db.Users.SingleAsync(u => u.Email == email)).AccessFailedCount);
        }

        for (var i = 0; i < 4; i++)
        {
            (await client.PostCodeAsync($"WRONG-{i}{i}{i}{i}{i}")).Dispose();
        }

        using var right = await client.PostCodeAsync(codes[0]);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        await using var check = _app.CreateDbScope();
        var user = await check.Db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        var userManager = check.Services.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal(TwoFactorController.RecoveryCodeCount, await userManager.CountRecoveryCodesAsync(user));
        var reasons = await check.Db.AuditEntries.Where(a => a.Action == AuditActions.SignInFailed && a.Subject == AuditTrail.UserSubject(user.Id)).Select(a => a.Details).ToListAsync();
        Assert.Contains("wrong recovery code", reasons);
        Assert.Contains("locked out", reasons);
    }

    [Fact]
    public async Task Identitys_two_factor_cookies_are_secure_even_over_plain_http()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        await _app.EnrolAuthenticatorAsync(email);
        var overHttp = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        using var password = await overHttp.PostLoginAsync(email, StaffSignIn.Password);

        Assert.StartsWith(StaffRoutes.LoginCode, password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var cookie = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityConstants.TwoFactorUserIdScheme + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        // Nothing sets the remember-this-browser cookie today (rememberClient is always false); if anything does, it is Secure too.
        var rememberMe = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.TwoFactorRememberMeScheme);
        Assert.Equal(CookieSecurePolicy.Always, rememberMe.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_goes_back_to_sign_in()
    {
        using var response = await _app.CreateNonRedirectingClient().GetAsync(StaffRoutes.LoginCode);

        Assert.Equal(StaffRoutes.Login, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Code_posts_are_rate_limited_per_address()
    {
        using var limited = new ClinicAppFactory();
        limited.Settings["Staff:LoginAttemptsPerMinute"] = "3";
        var email = await limited.CreateStaffUserAsync(StaffRoles.Staff);
        await limited.EnrolAuthenticatorAsync(email);
        var client = limited.CreateNonRedirectingClient();
        (await client.PostLoginAsync(email, StaffSignIn.Password)).Dispose();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostCodeAsync("123456");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task With_the_requirement_off_a_member_without_a_second_factor_opens_staff_pages_after_the_password()
    {
        using var optional = new ClinicAppFactory();
        optional.Settings["Staff:RequireTwoFactor"] = "false";
        var email = await optional.CreateStaffUserAsync(StaffRoles.Staff);
        var client = optional.CreateNonRedirectingClient();

        using var password = await client.PostLoginAsync(email, StaffSignIn.Password);
        using var requests = await client.GetAsync(StaffRoutes.Requests);

        Assert.Equal(StaffRoutes.Requests, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
    }
}
