using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class OwnershipTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public OwnershipTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Assigning_to_me_and_to_a_colleague_shows_the_owner_filters_mine_and_unassigned_and_is_audited()
    {
        var mine = await _app.AddRequestAsync("Mine", "Person");
        var colleagues = await _app.AddRequestAsync("Colleagues", "Person");
        var nobodys = await _app.AddRequestAsync("Nobodys", "Person");
        var colleagueEmail = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = await _app.SignedInClientAsync();
        string colleagueId;
        await using (var scope = _app.CreateDbScope())
        {
            colleagueId = (await scope.Db.Users.SingleAsync(u => u.Email == colleagueEmail)).Id;
        }

        var details = $"/staff/requests/{mine.Id}";
        var meId = (await client.GetDocumentAsync(details)).QuerySelector("form[action$='/owner'] input[name=ownerId]")!.GetAttribute("value")!;
        using var toMe = await client.PostFormAsync(details, $"{details}/owner", new() { ["ownerId"] = meId });
        using var toColleague = await client.PostFormAsync($"/staff/requests/{colleagues.Id}", $"/staff/requests/{colleagues.Id}/owner", new() { ["ownerId"] = colleagueId });
        using var toDisabledOrUnknown = await client.PostFormAsync(details, $"{details}/owner", new() { ["ownerId"] = "no-such-user" });

        Assert.Equal(HttpStatusCode.Redirect, toMe.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, toDisabledOrUnknown.StatusCode);
        var page = await client.GetDocumentAsync(details);
        Assert.Contains("Test Staff", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent == "Assign to me");

        string References(AngleSharp.Dom.IDocument inbox) =>
            string.Join(" ", inbox.QuerySelectorAll("table.inbox tbody th").Select(th => th.TextContent.Trim()).Order(StringComparer.Ordinal));
        var all = await client.GetDocumentAsync("/staff/requests");
        var onlyMine = await client.GetDocumentAsync("/staff/requests?owner=Mine");
        var unassigned = await client.GetDocumentAsync("/staff/requests?owner=Unassigned");

        Assert.Equal(mine.Reference, References(onlyMine));
        Assert.Equal(nobodys.Reference, References(unassigned));
        Assert.Contains("Test Staff", all.QuerySelectorAll("table.inbox tbody tr").Single(r => r.TextContent.Contains(colleagues.Reference, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal("Mine", onlyMine.QuerySelector(".owner-filter a[aria-current=true]")!.TextContent);
        Assert.Equal("Mine", onlyMine.QuerySelector("form.filters input[name=owner]")!.GetAttribute("value"));
        await using var check = _app.CreateDbScope();
        var audited = await check.Db.AuditEntries.Where(a => a.Action == AuditActions.RequestAssigned).Select(a => a.Subject + " " + a.Details).ToListAsync();
        Assert.Equal(
            [$"ConsultationRequest/{mine.Id} to StaffUser/{meId}", $"ConsultationRequest/{colleagues.Id} to StaffUser/{colleagueId}"],
            audited);
    }
}
