using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    public static async Task<HttpClient> SignedInClientAsync(this ClinicAppFactory app, string role = StaffRoles.Staff)
    {
        var email = await app.CreateStaffUserAsync(role);
        var client = app.CreateNonRedirectingClient();
        using var response = await client.PostLoginAsync(email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>POSTs a form on <paramref name="pageUrl"/> (found by its action) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
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

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
