using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class BulkActionTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public BulkActionTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_bulk_status_change_moves_each_ticked_request_audits_each_and_names_one_changed_meanwhile()
    {
        var first = await _app.AddRequestAsync("First", "Person");
        var second = await _app.AddRequestAsync("Second", "Person");
        var changedMeanwhile = await _app.AddRequestAsync("Changed", "Meanwhile");
        var untouched = await _app.AddRequestAsync("Not", "Ticked");
        var client = await _app.SignedInClientAsync();
        var inbox = await client.GetDocumentAsync("/staff/requests");

        foreach (var request in new[] { first, second, changedMeanwhile, untouched })
        {
            var box = inbox.QuerySelector($"input[type=checkbox][name=Ids][value='{request.Id}']")!;
            Assert.Equal("bulk", box.GetAttribute("form"));
            Assert.Equal($"Select {request.Reference}", inbox.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim());
        }

        await using (var scope = _app.CreateDbScope())
        {
            var other = await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == changedMeanwhile.Id);
            other.Version = Guid.NewGuid();
            await scope.Db.SaveChangesAsync();
        }

        using var response = await client.PostAsync("/staff/requests/bulk", BulkForm(inbox, [first, second, changedMeanwhile], ("Action", "Status"), ("Status", "Contacted")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/requests", response.Headers.Location!.OriginalString);
        var after = await client.GetDocumentAsync("/staff/requests");
        Assert.Equal("Status changed to Contacted for 2 requests.", after.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Contains(changedMeanwhile.Reference, after.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await using var check = _app.CreateDbScope();
        var statuses = await check.Db.ConsultationRequests.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
        Assert.Equal([RequestStatus.Contacted, RequestStatus.Contacted, RequestStatus.New, RequestStatus.New], statuses);
        Assert.Equal(2, await check.Db.RequestStatusChanges.CountAsync());
        var audited = await check.Db.AuditEntries.Where(a => a.Action == AuditActions.RequestStatusChanged).OrderBy(a => a.Id).Select(a => a.Subject).ToListAsync();
        Assert.Equal([$"ConsultationRequest/{first.Id}", $"ConsultationRequest/{second.Id}"], audited);
    }

    [Fact]
    public async Task A_bulk_owner_change_gives_each_ticked_request_to_the_colleague_and_audits_each()
    {
        var first = await _app.AddRequestAsync("First", "Person");
        var second = await _app.AddRequestAsync("Second", "Person");
        var colleagueEmail = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        var client = await _app.SignedInClientAsync();
        string colleagueId;
        await using (var scope = _app.CreateDbScope())
        {
            colleagueId = (await scope.Db.Users.SingleAsync(u => u.Email == colleagueEmail)).Id;
        }

        var inbox = await client.GetDocumentAsync("/staff/requests?owner=Unassigned");
        Assert.NotNull(inbox.QuerySelector($"#bulk-owner option[value='{colleagueId}']"));
        using var response = await client.PostAsync("/staff/requests/bulk", BulkForm(inbox, [first, second], ("Action", "Owner"), ("OwnerId", colleagueId)));
        using var nothingTicked = await client.PostAsync("/staff/requests/bulk", BulkForm(inbox, [], ("Action", "Owner"), ("OwnerId", colleagueId)));

        Assert.Equal("/staff/requests?owner=Unassigned", response.Headers.Location!.OriginalString);
        await using var check = _app.CreateDbScope();
        Assert.All(await check.Db.ConsultationRequests.ToListAsync(), r => Assert.Equal(colleagueId, r.AssignedToId));
        var audited = await check.Db.AuditEntries.Where(a => a.Action == AuditActions.RequestAssigned).OrderBy(a => a.Id).Select(a => a.Subject + " " + a.Details).ToListAsync();
        Assert.Equal(
            [$"ConsultationRequest/{first.Id} to StaffUser/{colleagueId} (bulk)", $"ConsultationRequest/{second.Id} to StaffUser/{colleagueId} (bulk)"],
            audited);
        Assert.Equal(HttpStatusCode.Redirect, nothingTicked.StatusCode);
    }

    /// <summary>The bulk form as the browser sends it: its own fields, then the ticked boxes and their versions.</summary>
    private static FormUrlEncodedContent BulkForm(AngleSharp.Dom.IDocument inbox, IEnumerable<ConsultationRequest> ticked, params (string Name, string Value)[] fields)
    {
        var form = inbox.QuerySelector("form#bulk")!;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("ReturnUrl", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")!),
        };
        foreach (var request in ticked)
        {
            values.Add(new("Ids", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            values.Add(new($"Versions[{request.Id}]", inbox.QuerySelector($"input[name='Versions[{request.Id}]']")!.GetAttribute("value")!));
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new FormUrlEncodedContent(values);
    }
}
