using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class AdminTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public AdminTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Admins_read_the_audit_log_filtered_by_action()
    {
        var lead = await _app.AddLeadAsync();
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        (await admin.GetAsync($"/staff/leads/{lead.Id}")).Dispose();

        var all = await admin.GetDocumentAsync("/staff/audit");
        var views = await admin.GetDocumentAsync($"/staff/audit?action={AuditActions.LeadViewed}");
        var none = await admin.GetDocumentAsync("/staff/audit?from=2000-01-01&to=2000-01-02");

        Assert.True(all.QuerySelectorAll("tbody th").Any(th => th.TextContent == AuditActions.SignInSucceeded), all.QuerySelector("main")?.TextContent ?? all.DocumentElement.OuterHtml);
        var row = Assert.Single(views.QuerySelectorAll("tbody tr"));
        Assert.Contains($"ConsultationRequest/{lead.Id}", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Admins_create_disable_and_reset_accounts_in_the_browser_and_each_change_is_audited()
    {
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);

        using var weak = await admin.PostFormAsync("/staff/users", "/staff/users", new() { ["email"] = "new@clinic.example", ["role"] = "Staff", ["password"] = "short" });
        using var created = await admin.PostFormAsync("/staff/users", "/staff/users", new() { ["email"] = "new@clinic.example", ["displayName"] = "New Person", ["role"] = "Staff", ["password"] = "a long enough password" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("at least 12 characters", (await weak.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        string id;
        await using (var scope = _app.CreateDbScope())
        {
            id = (await scope.Db.Users.SingleAsync(u => u.Email == "new@clinic.example")).Id;
        }

        using var reset = await admin.PostFormAsync("/staff/users", $"/staff/users/{id}/reset-password", new() { ["password"] = "another long password" });
        using var disabled = await admin.PostFormAsync("/staff/users", $"/staff/users/{id}/disable", []);

        using var signIn = await _app.CreateNonRedirectingClient().PostLoginAsync("new@clinic.example", "another long password");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var check = _app.CreateDbScope();
        Assert.True((await check.Db.Users.SingleAsync(u => u.Id == id)).IsDisabled);
        var actions = await check.Db.AuditEntries.Where(a => a.Subject == $"StaffUser/{id}").Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.AccountCreated, actions);
        Assert.Contains(AuditActions.AccountPasswordReset, actions);
        Assert.Contains(AuditActions.AccountDisabled, actions);
    }
}
