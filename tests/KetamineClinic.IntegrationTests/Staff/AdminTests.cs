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
        var request = await _app.AddRequestAsync();
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        (await admin.GetAsync($"/staff/requests/{request.Id}")).Dispose();

        var all = await admin.GetDocumentAsync("/staff/audit");
        var views = await admin.GetDocumentAsync($"/staff/audit?action={AuditActions.RequestViewed}");
        var none = await admin.GetDocumentAsync("/staff/audit?from=2000-01-01&to=2000-01-02");

        Assert.True(all.QuerySelectorAll("tbody th").Any(th => th.TextContent == $"Signed in {AuditActions.SignInSucceeded}"), all.QuerySelector("main")?.TextContent ?? all.DocumentElement.OuterHtml);
        var row = Assert.Single(views.QuerySelectorAll("tbody tr"));
        Assert.Equal($"Viewed a request {AuditActions.RequestViewed}", row.QuerySelector("th")!.TextContent);
        Assert.Equal($"/staff/requests/{request.Id}", row.QuerySelector("td[data-label=Subject] a")!.GetAttribute("href"));
        Assert.Equal($"Request {request.Reference}", row.QuerySelector("td[data-label=Subject] a")!.TextContent);
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Rows_written_under_an_actions_earlier_name_are_found_by_its_name_today()
    {
        await using (var scope = _app.CreateDbScope())
        {
            // The audit log is never rewritten: rows from before the vocabulary was settled keep "lead.viewed".
            scope.Db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow.AddDays(-40), Action = "lead.viewed", Subject = "ConsultationRequest/99", ActorName = "Earlier Staff" });
            await scope.Db.SaveChangesAsync();
        }

        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        var views = await admin.GetDocumentAsync($"/staff/audit?action={AuditActions.RequestViewed}");

        var row = Assert.Single(views.QuerySelectorAll("tbody tr"));
        Assert.Contains("ConsultationRequest/99", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/leads", "/staff/requests")]
    [InlineData("/staff/leads/42", "/staff/requests/42")]
    [InlineData("/staff/leads/export?status=New&q=ada", "/staff/requests/export?status=New&q=ada")]
    [InlineData("/staff/leads/42/notes", "/staff/requests/42/notes")]
    public async Task The_earlier_addresses_of_the_requests_redirect_permanently_keeping_the_method(string earlier, string now)
    {
        var client = _app.CreateNonRedirectingClient();

        using var get = await client.GetAsync(earlier);
        using var post = await client.PostAsync(earlier, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.PermanentRedirect, get.StatusCode);
        Assert.Equal(now, get.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, post.StatusCode);
        Assert.Equal(now, post.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Admins_see_each_members_second_factor_and_end_a_members_sessions_but_cannot_disable_themselves()
    {
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        var memberEmail = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var member = _app.CreateNonRedirectingClient();
        (await member.SignInWithCodeAsync(memberEmail, await _app.EnrolAuthenticatorAsync(memberEmail))).Dispose();
        var newcomer = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        string memberId;
        string adminId;
        await using (var scope = _app.CreateDbScope())
        {
            memberId = (await scope.Db.Users.SingleAsync(u => u.Email == memberEmail)).Id;
            adminId = (await scope.Db.Users.SingleAsync(u => u.Email != memberEmail && u.Email != newcomer)).Id;
        }

        var page = await admin.GetDocumentAsync("/staff/users");
        string Row(string email) => page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email).TextContent;
        Assert.Contains("Authenticator app; 0 of 10 recovery codes left", Row(memberEmail), StringComparison.Ordinal);
        Assert.Contains("None yet", Row(newcomer), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action='/staff/users/{adminId}/disable']"));
        Assert.NotNull(page.QuerySelector($"form[action='/staff/users/{memberId}/disable']"));

        using (var before = await member.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var ended = await admin.PostFormAsync("/staff/users", $"/staff/users/{memberId}/end-sessions", []);
        using var after = await member.GetAsync("/staff/requests");
        using var adminStill = await admin.GetAsync("/staff/requests");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/staff/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminStill.StatusCode);
        await using var check = _app.CreateDbScope();
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SessionsEnded && a.Subject == $"StaffUser/{memberId}" && a.ActorId == adminId));
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
