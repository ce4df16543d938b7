using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace KetamineClinic.IntegrationTests.Infrastructure;

public static class StaffSignIn
{
    public const string Password = "correct horse battery";

    public static HttpClient CreateNonRedirectingClient(this ClinicAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });

    public static async Task<string> CreateStaffUserAsync(this ClinicAppFactory app, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.example";
        await using var scope = app.CreateDbScope();
        var accounts = scope.Services.GetRequiredService<StaffAccounts>();
        var result = await accounts.CreateAsync(email, role, Password, $"Test {role}", AuditActor.Cli, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    /// <summary>GETs the login form and POSTs it with its antiforgery token; the client keeps the cookies.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetDocumentAsync("/staff/login");
        return await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["Email"] = email,
            ["Password"] = password,
        }));
    }

    /// <summary>
    /// Gives the account an authenticator key and turns its second factor on, as the set-up page does after a
    /// right code; returns the key, from which <see cref="CodeFor"/> computes codes as a phone would.
    /// </summary>
    public static async Task<string> EnrolAuthenticatorAsync(this ClinicAppFactory app, string email)
    {
        await using var scope = app.CreateDbScope();
        var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The code an authenticator app shows for <paramref name="key"/> at <paramref name="at"/> (now by default).</summary>
    public static string CodeFor(string key, DateTime? at = null) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>POSTs the second step of signing in (after <see cref="PostLoginAsync"/> asked for it).</summary>
    public static async Task<HttpResponseMessage> PostCodeAsync(this HttpClient client, string code)
    {
        var form = await client.GetDocumentAsync(StaffRoutes.LoginCode);
        return await client.PostAsync(StaffRoutes.LoginCode, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["ReturnUrl"] = form.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value") ?? "",
            ["Code"] = code,
        }));
    }

    /// <summary>Password, then a code computed from the key: the whole sign-in of an enrolled member.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient client, string email, string key)
    {
        using (var password = await client.PostLoginAsync(email, Password))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, password.StatusCode);
            Assert.StartsWith(StaffRoutes.LoginCode, password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        return await client.PostCodeAsync(CodeFor(key));
    }

    /// <summary>A client signed in as a new member with an authenticator, through both steps of the real sign-in.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this ClinicAppFactory app, string role = StaffRoles.Staff)
    {
        var email = await app.CreateStaffUserAsync(role);
        var key = await app.EnrolAuthenticatorAsync(email);
        var client = app.CreateNonRedirectingClient();
        using var response = await client.SignInWithCodeAsync(email, key);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// POSTs a form on <paramref name="pageUrl"/> (found by its action) with the page's antiforgery token; to
    /// <paramref name="postTo"/> instead when given, as a script sends a form's fields elsewhere.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, Dictionary<string, string> fields, string? postTo = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"No form posts to {action} on {pageUrl}.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(postTo ?? action, new FormUrlEncodedContent(values));
    }
}
