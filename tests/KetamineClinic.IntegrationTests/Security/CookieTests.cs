using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace KetamineClinic.IntegrationTests.Security;

/// <summary>Reads the Set-Cookie headers of the antiforgery and staff sign-in cookies as a browser would receive them.</summary>
public sealed class CookieTests : IDisposable
{
    private readonly List<ClinicAppFactory> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }
    }

    [Fact]
    public async Task Outside_development_over_https_both_cookies_are_http_only_secure_and_same_site_strict()
    {
        var app = Start("Production", "https://localhost");

        var (antiforgery, staff) = await SignInAsync(app);

        Assert.Equal((true, true, SameSiteMode.Strict), (antiforgery.HttpOnly, antiforgery.Secure, antiforgery.SameSite));
        Assert.Equal("__Host-staff", staff.Name.Value);
        Assert.Equal((true, true, SameSiteMode.Strict), (staff.HttpOnly, staff.Secure, staff.SameSite));
        Assert.Equal("/", staff.Path.Value);
    }

    [Fact]
    public async Task In_development_over_plain_http_the_cookies_are_not_forced_secure_but_stay_http_only_and_strict()
    {
        var app = Start("Development", "http://localhost");

        var (antiforgery, staff) = await SignInAsync(app);

        Assert.Equal((true, false, SameSiteMode.Strict), (antiforgery.HttpOnly, antiforgery.Secure, antiforgery.SameSite));
        Assert.Equal("staff", staff.Name.Value);
        Assert.Equal((true, false, SameSiteMode.Strict), (staff.HttpOnly, staff.Secure, staff.SameSite));
    }

    private ClinicAppFactory Start(string environment, string baseAddress)
    {
        var app = new ClinicAppFactory { EnvironmentName = environment };
        app.ClientOptions.BaseAddress = new Uri(baseAddress);
        _apps.Add(app);
        return app;
    }

    private static async Task<(SetCookieHeaderValue Antiforgery, SetCookieHeaderValue Staff)> SignInAsync(ClinicAppFactory app)
    {
        var email = await app.CreateStaffUserAsync("Staff");
        var client = app.CreateNonRedirectingClient();

        using var form = await client.GetAsync("/staff/login");
        var antiforgery = Assert.Single(SetCookies(form), c => c.Name.Value!.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        using var signedIn = await client.PostLoginAsync(email, StaffSignIn.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var staff = Assert.Single(SetCookies(signedIn), c => c.Name.Value!.EndsWith("staff", StringComparison.Ordinal));
        return (antiforgery, staff);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? SetCookieHeaderValue.ParseList([.. values]) : [];
}
