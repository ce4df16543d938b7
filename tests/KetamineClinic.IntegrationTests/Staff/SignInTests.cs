using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class SignInTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public SignInTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> ProtectedRoutes =>
    [
        "/staff", "/staff/requests", "/staff/requests/1", "/staff/requests/export", "/staff/audit", "/staff/users",
    ];

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Every_staff_page_sends_anonymous_visitors_to_the_login_page(string route)
    {
        using var response = await _app.CreateNonRedirectingClient().GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/requests/1/status")]
    [InlineData("/staff/requests/1/notes")]
    [InlineData("/staff/requests/1/emails/1/resend")]
    [InlineData("/staff/users")]
    [InlineData("/staff/users/x/disable")]
    [InlineData("/staff/users/x/reset-password")]
    public async Task Anonymous_posts_are_refused(string route)
    {
        using var response = await _app.CreateNonRedirectingClient().PostAsync(route, new FormUrlEncodedContent([]));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{route}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/staff/requests/12/notes", "/staff/requests/12")]
    [InlineData("/staff/requests/12/emails/3/resend", "/staff/requests/12")]
    [InlineData("/staff/users/abc/disable", "/staff/users")]
    [InlineData("/staff/logout", "/staff/requests")]
    public async Task A_form_sent_after_the_session_ended_leads_back_to_its_page_with_a_notice(string action, string page)
    {
        var client = _app.CreateNonRedirectingClient();

        using var response = await client.PostAsync(action, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Equal($"/staff/login?returnUrl={Uri.EscapeDataString(page)}&expired=true", location);
        var login = await _app.CreateClient().GetDocumentAsync(location);
        Assert.Contains("your last change was not saved", login.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(page, login.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/staff/audit")]
    [InlineData("/staff/users")]
    public async Task Admin_pages_are_forbidden_to_staff_with_a_friendly_page(string route)
    {
        var client = await _app.SignedInClientAsync(StaffRoles.Staff);

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("can’t open this page", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_has_labelled_fields_and_no_store_caching()
    {
        using var response = await _app.CreateClient().GetAsync("/staff/login");
        var page = await response.ReadDocumentAsync();

        Assert.Equal("Email", page.QuerySelector("label[for=Email]")!.TextContent.Trim());
        Assert.Equal("Password", page.QuerySelector("label[for=Password]")!.TextContent.Trim());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correct_password_signs_in_with_a_strict_http_only_secure_cookie_and_is_audited()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var client = _app.CreateNonRedirectingClient();

        using var response = await client.SignInWithCodeAsync(email, key);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/requests", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        using var leads = await client.GetAsync("/staff/requests");
        Assert.Equal(HttpStatusCode.OK, leads.StatusCode);

        await using var scope = _app.CreateDbScope();
        var userId = (await scope.Db.Users.SingleAsync(u => u.Email == email)).Id;
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInSucceeded && a.ActorId == userId));
    }

    [Fact]
    public async Task A_wrong_password_gets_a_generic_message_and_an_audit_row_without_the_email()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = _app.CreateNonRedirectingClient();

        using var wrong = await client.PostLoginAsync(email, "not the password at all");
        using var unknown = await client.PostLoginAsync("nobody@clinic.example", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongText = (await wrong.ReadDocumentAsync()).QuerySelector("main")!.TextContent;
        var unknownText = (await unknown.ReadDocumentAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains(Web.Features.Staff.Account.AccountController.FailureMessage, wrongText, StringComparison.Ordinal);
        Assert.Contains(Web.Features.Staff.Account.AccountController.FailureMessage, unknownText, StringComparison.Ordinal);

        await using var scope = _app.CreateDbScope();
        var failures = await scope.Db.AuditEntries.Where(a => a.Action == AuditActions.SignInFailed).ToListAsync();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.DoesNotContain("@", (f.Details ?? "") + f.ActorName + f.Subject, StringComparison.Ordinal));
        // Whoever typed the wrong password is not the account's owner: the account is the subject, not the actor.
        var userId = (await scope.Db.Users.SingleAsync(u => u.Email == email)).Id;
        Assert.All(failures, f => Assert.Null(f.ActorId));
        Assert.Single(failures, f => f.Subject == $"StaffUser/{userId}" && f.Details == "wrong password");
    }

    [Fact]
    public async Task An_unknown_or_locked_account_costs_one_password_check_like_a_wrong_password()
    {
        var checks = new PasswordCheckCounter();
        using var app = new ClinicAppFactory
        {
            ServiceOverrides = services => services.AddScoped<IPasswordHasher<StaffUser>>(_ => new CountingPasswordHasher(checks)),
        };
        app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";
        var email = await app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = app.CreateNonRedirectingClient();

        async Task<int> ChecksForAsync(string login, string password)
        {
            var before = checks.Count;
            using var response = await client.PostLoginAsync(login, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return checks.Count - before;
        }

        Assert.Equal(1, await ChecksForAsync(email, "a wrong password"));
        Assert.Equal(1, await ChecksForAsync("nobody@clinic.example", "a wrong password"));
        await using (var scope = app.CreateDbScope())
        {
            var user = await scope.Db.Users.SingleAsync(u => u.Email == email);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            await scope.Db.SaveChangesAsync();
        }

        Assert.Equal(1, await ChecksForAsync(email, StaffSignIn.Password));
    }

    private sealed class PasswordCheckCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingPasswordHasher(PasswordCheckCounter checks) : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _hasher = new();

        public string HashPassword(StaffUser user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            checks.Add();
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_fails()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = _app.CreateNonRedirectingClient();

        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostLoginAsync(email, "wrong password number " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await client.PostLoginAsync(email, StaffSignIn.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = _app.CreateDbScope();
        var user = await scope.Db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.Details == "locked out"));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_session_ends()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var session = _app.CreateNonRedirectingClient();
        using (var signedIn = await session.PostLoginAsync(email, StaffSignIn.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        await using (var scope = _app.CreateDbScope())
        {
            var result = await scope.Services.GetRequiredService<StaffAccounts>().DisableAsync(email, AuditActor.Cli, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        using var afterDisable = await session.GetAsync("/staff/requests");
        using var again = await _app.CreateNonRedirectingClient().PostLoginAsync(email, StaffSignIn.Password);

        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/staff/login", afterDisable.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_account_disabled_directly_in_the_database_is_signed_out_at_its_next_request()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var session = _app.CreateNonRedirectingClient();
        (await session.SignInWithCodeAsync(email, key)).Dispose();
        using (var before = await session.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = _app.CreateDbScope())
        {
            await scope.Db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        using var after = await session.GetAsync("/staff/requests");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await _app.SignedInClientAsync();

        using var response = await client.PostFormAsync("/staff/requests", "/staff/logout", []);
        using var after = await client.GetAsync("/staff/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_signed_out_cookie_and_any_copy_of_it_are_refused_on_every_staff_page()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Admin);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var client = _app.CreateNonRedirectingClient();
        string cookie;
        using (var login = await client.SignInWithCodeAsync(email, key))
        {
            cookie = StaffCookieOf(login);
        }

        using var copy = CookieClient(cookie);
        using (var before = await copy.GetAsync("/staff/requests/export"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = _app.CreateDbScope())
        {
            var session = await scope.Db.StaffSessions.SingleAsync();
            Assert.Equal((await scope.Db.Users.SingleAsync(u => u.Email == email)).Id, session.UserId);
            Assert.DoesNotContain(cookie.Split('=', 2)[1], session.Id, StringComparison.Ordinal);
        }

        (await client.PostFormAsync("/staff/requests", "/staff/logout", [])).Dispose();

        foreach (var page in new[] { "/staff/requests", "/staff/requests/export" })
        {
            using var after = await copy.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/staff/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        await using var end = _app.CreateDbScope();
        Assert.False(await end.Db.StaffSessions.AnyAsync());
    }

    [Fact]
    public async Task Resetting_a_password_ends_the_accounts_open_sessions_at_once()
    {
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var key = await _app.EnrolAuthenticatorAsync(email);
        var session = _app.CreateNonRedirectingClient();
        (await session.SignInWithCodeAsync(email, key)).Dispose();
        using (var before = await session.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = _app.CreateDbScope())
        {
            var result = await scope.Services.GetRequiredService<StaffAccounts>()
                .ResetPasswordAsync(email, "another long passphrase", AuditActor.Cli, CancellationToken.None);
            Assert.True(result.Succeeded);
            Assert.False(await scope.Db.StaffSessions.AnyAsync());
        }

        using var after = await session.GetAsync("/staff/requests");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_session_in_constant_use_ends_after_Staff_SessionMaxHours_and_an_idle_one_after_30_minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new ClinicAppFactory { ServiceOverrides = services => services.AddSingleton<TimeProvider>(time) };
        app.Settings["Staff:SessionMaxHours"] = "2";
        var active = await app.SignedInClientAsync();
        var idle = await app.SignedInClientAsync();

        // Used every 20 minutes: still open at 1 h 40 min, refused at 2 h.
        var statuses = new List<HttpStatusCode>();
        for (var minutes = 20; minutes <= 120; minutes += 20)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            using var response = await active.GetAsync("/staff/requests");
            statuses.Add(response.StatusCode);
            if (minutes == 40)
            {
                using var unused = await idle.GetAsync("/staff/requests");
                statuses.Add(unused.StatusCode);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect], statuses);
    }

    private static string StaffCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-staff=", StringComparison.Ordinal)).Split(';')[0];

    private HttpClient CookieClient(string cookie)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = _app.ClientOptions.BaseAddress,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task Login_posts_are_rate_limited_per_address()
    {
        using var limited = new ClinicAppFactory();
        limited.Settings["Staff:LoginAttemptsPerMinute"] = "3";
        var client = limited.CreateNonRedirectingClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostLoginAsync("someone@clinic.example", "wrong password here");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
