using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Requests;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class RequestTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public RequestTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_inbox_lists_requests_newest_first_with_urgent_and_new_marked_in_text()
    {
        var older = await _app.AddRequestAsync("Older", "Person", RequestStatus.Contacted, createdAt: DateTime.UtcNow.AddDays(-3));
        var urgent = await _app.AddRequestAsync("Urgent", "Person", urgent: true, notification: OutboxStatus.Failed);
        var client = await _app.SignedInClientAsync();

        using var response = await client.GetAsync("/staff/requests");
        var page = await response.ReadDocumentAsync();

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("table.inbox caption"));
        Assert.Equal(
            ["Select", "Urgent", "Reference", "Name", "Waited", "Concerns", "Contact", "State", "Status", "Owner"],
            page.QuerySelectorAll("table.inbox thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var rows = page.QuerySelectorAll("table.inbox tbody tr");
        Assert.Equal([urgent.Reference, older.Reference], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Contains("Urgent", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("New", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Staff notification failed", Assert.Single(rows[0].QuerySelectorAll(".badge-failed")).TextContent.Trim());
        Assert.Empty(rows[1].QuerySelectorAll(".badge-failed"));
        Assert.DoesNotContain("Sent", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Contacted", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Generalized anxiety, Panic", rows[1].TextContent, StringComparison.Ordinal);

        // The queue comes before the figures: the weekly chart sits in a closed <details> after the list.
        var queue = page.QuerySelector("#queue")!;
        var weekly = page.QuerySelector("details#weekly")!;
        Assert.True(queue.CompareDocumentPosition(weekly).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.False(weekly.HasAttribute("open"));
        Assert.Single(page.QuerySelectorAll("nav[aria-label=Status]"));
        Assert.Null(page.QuerySelector("select[name=status]"));

        var svg = page.QuerySelector("svg[role=img]")!;
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.NotNull(svg.QuerySelector("desc"));
        Assert.Equal(12, page.QuerySelectorAll(".dashboard table tbody tr").Length);
    }

    [Fact]
    public async Task The_inbox_pages_by_25_and_counts_requests_per_status()
    {
        for (var i = 0; i < 25; i++)
        {
            await _app.AddRequestAsync(createdAt: DateTime.UtcNow.AddMinutes(-i - 10));
        }

        var newest = await _app.AddRequestAsync(status: RequestStatus.Scheduled, createdAt: DateTime.UtcNow);
        var client = await _app.SignedInClientAsync();

        var first = await client.GetDocumentAsync("/staff/requests");
        var second = await client.GetDocumentAsync("/staff/requests?page=2");

        Assert.Equal(25, first.QuerySelectorAll("table.inbox tbody tr").Length);
        Assert.Equal(newest.Reference, first.QuerySelector("table.inbox tbody tr th")!.TextContent.Trim());
        Assert.Single(second.QuerySelectorAll("table.inbox tbody tr"));
        Assert.NotNull(first.QuerySelector("nav[aria-label=Pages] a[href='/staff/requests?page=2']"));
        var counts = first.QuerySelectorAll(".status-counts li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("All 26", counts);
        Assert.Contains("New 25", counts);
        Assert.Contains("Scheduled 1", counts);
    }

    [Fact]
    public async Task A_new_request_is_marked_overdue_once_it_has_waited_longer_than_the_first_response_hours()
    {
        _app.Settings["Staff:FirstResponseHours"] = "6";
        var overdue = await _app.AddRequestAsync("Waiting", "Long", createdAt: DateTime.UtcNow.AddHours(-7));
        var recent = await _app.AddRequestAsync("Waiting", "Briefly", createdAt: DateTime.UtcNow.AddHours(-5));
        var answered = await _app.AddRequestAsync("Answered", "Late", RequestStatus.Contacted, createdAt: DateTime.UtcNow.AddHours(-30));
        var client = await _app.SignedInClientAsync();

        var page = await client.GetDocumentAsync("/staff/requests");

        AngleSharp.Dom.IElement Row(ConsultationRequest request) =>
            page.QuerySelectorAll("table.inbox tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == request.Reference);
        string Waited(ConsultationRequest request) => Row(request).QuerySelector("td[data-label=Waited]")!.TextContent;
        Assert.Contains("7 h", Waited(overdue), StringComparison.Ordinal);
        Assert.Contains("Overdue", Waited(overdue), StringComparison.Ordinal);
        Assert.Contains("5 h", Waited(recent), StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", Waited(recent), StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", Waited(answered), StringComparison.Ordinal);
        Assert.Contains("longer than 6 h", page.QuerySelector(".figures")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_sortable_column_sorts_both_ways_with_aria_sort_and_keeps_the_filter()
    {
        var anna = await _app.AddRequestAsync("Anna", "Zed", createdAt: DateTime.UtcNow.AddHours(-1));
        var zoe = await _app.AddRequestAsync("Zoe", "Abel", createdAt: DateTime.UtcNow.AddHours(-9));
        var mira = await _app.AddRequestAsync("Mira", "Mid", RequestStatus.Closed, createdAt: DateTime.UtcNow.AddHours(-5));
        var client = await _app.SignedInClientAsync();

        async Task<(List<string> References, AngleSharp.Dom.IDocument Page)> ListAsync(string url)
        {
            var page = await client.GetDocumentAsync(url);
            return ([.. page.QuerySelectorAll("table.inbox tbody tr th").Select(th => th.TextContent.Trim())], page);
        }

        var (byPriority, first) = await ListAsync("/staff/requests?status=New");
        var nameLink = first.QuerySelectorAll("table.inbox thead th a").Single(a => a.TextContent.Trim() == "Name").GetAttribute("href")!;
        Assert.Equal("/staff/requests?status=New&sort=Name&dir=asc", nameLink);
        Assert.Empty(first.QuerySelectorAll("table.inbox thead th[aria-sort]"));
        var (byName, sortedPage) = await ListAsync(nameLink);
        var (byNameDescending, _) = await ListAsync("/staff/requests?status=New&sort=Name&dir=desc");
        var (longestWaitFirst, _) = await ListAsync("/staff/requests?sort=Waited&dir=desc");
        var (byStatus, _) = await ListAsync("/staff/requests?sort=Status&dir=desc");

        Assert.Equal([anna.Reference, zoe.Reference], byPriority);
        Assert.Equal([anna.Reference, zoe.Reference], byName);
        Assert.Equal([zoe.Reference, anna.Reference], byNameDescending);
        Assert.Equal([zoe.Reference, mira.Reference, anna.Reference], longestWaitFirst);
        Assert.Equal(mira.Reference, byStatus[0]);
        var sortedHeader = Assert.Single(sortedPage.QuerySelectorAll("table.inbox thead th[aria-sort]"));
        Assert.Equal("ascending", sortedHeader.GetAttribute("aria-sort"));
        Assert.Equal("/staff/requests?status=New&sort=Name&dir=desc", sortedHeader.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Name", sortedPage.QuerySelector("form.filters input[name=sort]")!.GetAttribute("value"));
        Assert.Equal("New", sortedPage.QuerySelector("form.filters input[name=status]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filter_and_search_narrow_the_inbox()
    {
        var contacted = await _app.AddRequestAsync("Marguerite", "Okafor", RequestStatus.Contacted);
        await _app.AddRequestAsync("Someone", "Else");
        var client = await _app.SignedInClientAsync();

        var byStatus = await client.GetDocumentAsync("/staff/requests?status=Contacted");
        var byName = await client.GetDocumentAsync("/staff/requests?q=%20okaFOR%20");
        var byReference = await client.GetDocumentAsync($"/staff/requests?q={contacted.Reference.ToLowerInvariant()}");

        foreach (var page in new[] { byStatus, byName, byReference })
        {
            var row = Assert.Single(page.QuerySelectorAll("table.inbox tbody tr"));
            Assert.Equal(contacted.Reference, row.QuerySelector("th")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Every_view_of_the_inbox_is_audited_without_the_words_searched_for()
    {
        await _app.AddRequestAsync("Marguerite", "Okafor", RequestStatus.Contacted);
        await _app.AddRequestAsync("Someone", "Else");
        var client = await _app.SignedInClientAsync();

        using var all = await client.GetAsync("/staff/requests");
        using var searched = await client.GetAsync("/staff/requests?status=Contacted&q=Okafor");

        await using var scope = _app.CreateDbScope();
        var views = await scope.Db.AuditEntries.Where(a => a.Action == AuditActions.RequestsListed).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.False(string.IsNullOrEmpty(v.ActorId)));
        Assert.Equal("page 1 of 1: 2 rows; status=any; search=no", views[0].Details);
        Assert.Equal("page 1 of 1: 1 rows; status=Contacted; search=yes", views[1].Details);
        Assert.DoesNotContain("Okafor", views[1].Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_details_page_shows_every_field_escaped_and_audits_the_view()
    {
        var request = await _app.AddRequestAsync("<script>alert(1)</script>", "Doe", urgent: true);
        var client = await _app.SignedInClientAsync();

        using var response = await client.GetAsync($"/staff/requests/{request.Id}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> Doe", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anxiety that has not eased", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The answers as the form asked them: the questions and the labels chosen, not the stored codes.
        var answers = page.QuerySelectorAll("dl.facts dt").Zip(page.QuerySelectorAll("dl.facts dd")).ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent.Trim());
        Assert.Equal("Generalized anxiety, Panic", answers["Concerns"]);
        Assert.Equal("Talk therapy or CBT", answers["Treatments tried"]);
        Assert.Equal("No", answers["Do you have a heart condition or high blood pressure?"]);
        Assert.Equal("Prefer to discuss", answers["Do you currently use alcohol or drugs in a way that worries you?"]);
        Assert.Contains("Urgent", page.QuerySelector(".urgent-banner h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("New", page.QuerySelector("[data-testid=current-status]")!.TextContent.Trim());
        Assert.Equal("Note", page.QuerySelector("label[for=note]")!.TextContent.Trim());

        await using var scope = _app.CreateDbScope();
        Assert.Equal(1, await scope.Db.AuditEntries.CountAsync(a => a.Action == AuditActions.RequestViewed && a.Subject == $"ConsultationRequest/{request.Id}" && a.ActorId != null));
    }

    [Fact]
    public async Task An_urgent_request_names_the_words_that_flagged_it_and_calms_down_once_contacted()
    {
        var request = await _app.AddRequestAsync(
            urgent: true,
            helpWith: "Panic every day.\nLast winter I felt suicidal & alone.",
            healthAnswers: """{"concerns":["panic"],"treatmentsTried":[],"screening":{"HeartCondition":"Yes","Psychosis":"No"}}""");
        var client = await _app.SignedInClientAsync();

        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        var banner = page.QuerySelector("section.urgent-banner")!;
        Assert.False(banner.ClassList.Contains("urgent-banner-handled"));
        Assert.Equal("Urgent: they wrote “suicidal”", banner.QuerySelector("h2")!.TextContent.Trim());
        var helpWith = page.QuerySelector("p.pre-line")!;
        Assert.Equal("suicidal", Assert.Single(helpWith.QuerySelectorAll("mark")).TextContent);
        Assert.Equal("Panic every day.\nLast winter I felt suicidal & alone.", helpWith.TextContent);
        var yes = Assert.Single(page.QuerySelectorAll("dl.facts dd .badge-yes"));
        Assert.Equal("Yes", yes.TextContent.Trim());
        Assert.Equal("Do you have a heart condition or high blood pressure?", yes.ParentElement!.PreviousElementSibling!.TextContent.Trim());

        await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/status", new() { ["status"] = "Contacted" });
        var after = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        var calmer = after.QuerySelector("section.urgent-banner")!;
        Assert.True(calmer.ClassList.Contains("urgent-banner-handled"));
        Assert.StartsWith("Urgent — contacted on 20", calmer.QuerySelector("h2")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("“suicidal”", calmer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_panel_calls_the_visitor_and_changes_the_status_in_one_click_audited()
    {
        var request = await _app.AddRequestAsync();
        var client = await _app.SignedInClientAsync();
        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        var panel = page.QuerySelector("aside.action-panel")!;
        Assert.Same(panel, page.QuerySelector(".request-layout")!.FirstElementChild);
        var call = panel.QuerySelector("a[data-testid=call-link]")!;
        Assert.Equal("tel:+13125550147", call.GetAttribute("href"));
        Assert.Equal("Call (312) 555-0147", call.TextContent.Trim());
        // One form per status other than the current one, which is shown as text.
        var buttons = panel.QuerySelectorAll(".status-buttons button").Select(b => b.TextContent.Trim()).ToList();
        Assert.DoesNotContain(buttons, b => b.EndsWith(" New", StringComparison.Ordinal));
        Assert.Equal(EnumLabels.All<RequestStatus>().Count - 1, buttons.Count);
        Assert.Contains("Change status to Contacted", buttons);
        var contacted = panel.QuerySelectorAll(".status-buttons form").Single(f => f.QuerySelector("input[name=status]")!.GetAttribute("value") == "Contacted");
        var fields = contacted.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        Assert.Equal(request.Version.ToString(), fields["version"]);

        using var response = await client.PostAsync(contacted.GetAttribute("action"), new FormUrlEncodedContent(fields));
        var after = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Contacted", after.QuerySelector("[data-testid=current-status]")!.TextContent.Trim());
        Assert.DoesNotContain("Change status to Contacted", after.QuerySelectorAll(".status-buttons button").Select(b => b.TextContent.Trim()));
        await using var scope = _app.CreateDbScope();
        Assert.Equal(RequestStatus.Contacted, (await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id)).Status);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RequestStatusChanged && a.Subject == $"ConsultationRequest/{request.Id}" && a.Details == "New → Contacted"));
    }

    [Fact]
    public async Task Without_a_phone_the_action_panel_offers_the_email_link()
    {
        var request = await _app.AddRequestAsync(phone: "", email: "rosa@example.com");
        var client = await _app.SignedInClientAsync();

        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Null(page.QuerySelector("aside.action-panel a[data-testid=call-link]"));
        var email = page.QuerySelector("aside.action-panel a[data-testid=email-link]")!;
        Assert.Equal("mailto:rosa@example.com", email.GetAttribute("href"));
        Assert.Equal("Email rosa@example.com", email.TextContent.Trim());
    }

    [Fact]
    public async Task Changing_the_status_stamps_who_and_when_and_records_first_contact()
    {
        var request = await _app.AddRequestAsync();
        var client = await _app.SignedInClientAsync();

        using var response = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/status", new() { ["status"] = "Contacted" });
        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Status changed to Contacted", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("New → Contacted", page.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
        await using var scope = _app.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.Include(r => r.StatusChanges).SingleAsync(r => r.Id == request.Id);
        Assert.Equal(RequestStatus.Contacted, stored.Status);
        Assert.NotNull(stored.FirstContactedAt);
        Assert.NotEqual(request.Version, stored.Version);
        var change = Assert.Single(stored.StatusChanges);
        Assert.Equal((RequestStatus.New, RequestStatus.Contacted), (change.From, change.To));
        Assert.StartsWith("staff-", change.ChangedByName, StringComparison.Ordinal);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RequestStatusChanged && a.Subject == $"ConsultationRequest/{request.Id}"));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_clear_message_and_nothing_is_overwritten()
    {
        var request = await _app.AddRequestAsync();
        var first = await _app.SignedInClientAsync();
        var second = await _app.SignedInClientAsync();
        var secondsPage = await second.GetDocumentAsync($"/staff/requests/{request.Id}");

        using (var saved = await first.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/status", new() { ["status"] = "Scheduled" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var stale = await second.PostAsync($"/staff/requests/{request.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = secondsPage.AntiforgeryToken(),
            ["version"] = secondsPage.QuerySelector($"form[action='/staff/requests/{request.Id}/status'] input[name=version]")!.GetAttribute("value")!,
            ["status"] = "NotACandidate",
        }));
        var after = await second.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Contains("changed by someone else", after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        await using var scope = _app.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.Include(r => r.StatusChanges).SingleAsync(r => r.Id == request.Id);
        Assert.Equal(RequestStatus.Scheduled, stored.Status);
        Assert.Single(stored.StatusChanges);
    }

    [Fact]
    public async Task A_note_is_appended_to_the_timeline_with_its_author_and_audited_without_its_text()
    {
        var request = await _app.AddRequestAsync();
        var client = await _app.SignedInClientAsync();

        using var response = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/notes", new() { ["note"] = "Left a voicemail <b>twice</b>." });
        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var timeline = page.QuerySelector(".timeline")!;
        Assert.Contains("Left a voicemail <b>twice</b>.", timeline.TextContent, StringComparison.Ordinal);
        Assert.Contains("staff-", timeline.TextContent, StringComparison.Ordinal);
        await using var scope = _app.CreateDbScope();
        Assert.Equal("Left a voicemail <b>twice</b>.", (await scope.Db.RequestNotes.SingleAsync(n => n.ConsultationRequestId == request.Id)).Text);
        var audit = await scope.Db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RequestNoteAdded);
        Assert.DoesNotContain("voicemail", audit.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_at_the_limit_with_line_breaks_is_kept_and_an_empty_one_is_explained()
    {
        var request = await _app.AddRequestAsync();
        var client = await _app.SignedInClientAsync();
        // What a browser sends for a box filled to its maxlength: 40 line breaks, each sent as CRLF but counted as one.
        var line = new string('x', 99);
        var note = string.Join("\r\n", Enumerable.Repeat(line, 40)) + "x";

        using var kept = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/notes", new() { ["note"] = note });
        using var blank = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/notes", new() { ["note"] = "   \r\n  " });
        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        Assert.Equal(RequestsController.NoteMaxLength, note.Replace("\r\n", "\n", StringComparison.Ordinal).Length);
        Assert.Contains("The note was empty", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        await using var scope = _app.CreateDbScope();
        var stored = Assert.Single(await scope.Db.RequestNotes.Where(n => n.ConsultationRequestId == request.Id).ToListAsync());
        Assert.Equal(RequestsController.NoteMaxLength, stored.Text.Length);
    }

    [Fact]
    public async Task Closing_a_new_request_is_not_counted_as_first_contact()
    {
        var request = await _app.AddRequestAsync();
        var client = await _app.SignedInClientAsync();

        using var response = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/status", new() { ["status"] = "Closed" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(RequestStatus.Closed, stored.Status);
        Assert.Null(stored.FirstContactedAt);
    }

    [Fact]
    public async Task Urgent_requests_nobody_has_acted_on_come_first_whatever_their_age()
    {
        var urgentOld = await _app.AddRequestAsync("Urgent", "Older", urgent: true, createdAt: DateTime.UtcNow.AddDays(-2));
        await _app.AddRequestAsync("Urgent", "Handled", RequestStatus.Contacted, urgent: true, createdAt: DateTime.UtcNow.AddDays(-3));
        var newest = await _app.AddRequestAsync("Plain", "Newest", createdAt: DateTime.UtcNow.AddMinutes(-5));
        var client = await _app.SignedInClientAsync();

        var page = await client.GetDocumentAsync("/staff/requests");

        var references = page.QuerySelectorAll("table.inbox tbody tr th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(3, references.Count);
        Assert.Equal([urgentOld.Reference, newest.Reference], references.Take(2));
    }

    [Fact]
    public async Task A_failed_staff_notification_can_be_queued_again()
    {
        var request = await _app.AddRequestAsync(notification: OutboxStatus.Failed);
        var client = await _app.SignedInClientAsync();
        var notificationId = request.Emails.Single(e => e.Kind == EmailKind.StaffNotification).Id;

        using var response = await client.PostFormAsync($"/staff/requests/{request.Id}", $"/staff/requests/{request.Id}/emails/{notificationId}/resend", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.CreateDbScope();
        var email = await scope.Db.OutboxMessages.SingleAsync(e => e.Id == notificationId);
        Assert.Equal((OutboxStatus.Pending, 0), (email.Status, email.Attempts));
        Assert.True(email.NextAttemptAt > DateTime.UtcNow.AddMinutes(-1));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RequestEmailResent && a.Subject == $"ConsultationRequest/{request.Id}"));
    }

    [Fact]
    public async Task Only_admins_export_contact_details_in_bulk()
    {
        await _app.AddRequestAsync(status: RequestStatus.Contacted);
        var staff = await _app.SignedInClientAsync(StaffRoles.Staff);

        using var export = await staff.GetAsync("/staff/requests/export");
        var inbox = await staff.GetDocumentAsync("/staff/requests");

        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Null(inbox.QuerySelector("a[href^='/staff/requests/export']"));
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        Assert.NotNull((await admin.GetDocumentAsync("/staff/requests")).QuerySelector("a[href^='/staff/requests/export']"));
        await using var scope = _app.CreateDbScope();
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RequestsExported));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public async Task No_cell_of_the_export_starts_a_formula_whatever_separator_a_spreadsheet_splits_on(char separator)
    {
        await _app.AddRequestAsync("friend;=cmd|' /C calc'!A0;", "tab\t=1+1,@SUM(A1)", RequestStatus.New);
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);

        var csv = (await admin.GetStringAsync("/staff/requests/export")).TrimStart('\uFEFF');

        var cells = SpreadsheetCells(csv, separator);
        Assert.Contains(cells, c => c.Contains("=cmd", StringComparison.Ordinal));
        Assert.All(cells, cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"A cell starts a formula: {cell}"));
    }

    /// <summary>Splits as spreadsheets do: a double quote switches quoting on and off, and the separator splits only outside quotes.</summary>
    private static List<string> SpreadsheetCells(string csv, char separator)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (c == '"')
            {
                if (quoted && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (!quoted && (c == separator || c == '\n' || c == '\r'))
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [Fact]
    public async Task A_visitors_email_address_is_percent_encoded_in_the_mailto_link()
    {
        var request = await _app.AddRequestAsync(email: "x?bcc=attacker&body=hi@example.com");
        var client = await _app.SignedInClientAsync();

        var page = await client.GetDocumentAsync($"/staff/requests/{request.Id}");

        var href = page.QuerySelector("a[href^='mailto:']")!.GetAttribute("href")!;
        Assert.DoesNotContain("?", href, StringComparison.Ordinal);
        Assert.DoesNotContain("&", href, StringComparison.Ordinal);
        Assert.Equal(request.Email, Uri.UnescapeDataString(href["mailto:".Length..]));
    }

    [Fact]
    public async Task The_export_is_a_utf8_csv_of_the_current_filter_with_formulas_neutralised_and_is_audited()
    {
        var owned = await _app.AddRequestAsync("=HYPERLINK(\"http://evil\")", "Ünal", RequestStatus.Contacted);
        await _app.AddRequestAsync("Not", "Included", RequestStatus.New);
        var client = await _app.SignedInClientAsync(StaffRoles.Admin);
        await using (var seed = _app.CreateDbScope())
        {
            (await seed.Db.ConsultationRequests.SingleAsync(r => r.Id == owned.Id)).AssignTo("someone", "Dana Owner", "Test", DateTime.UtcNow);
            await seed.Db.SaveChangesAsync();
        }

        using var response = await client.GetAsync("/staff/requests/export?status=Contacted");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"Reference\",\"Received\",\"FirstName\",\"LastName\",\"Email\",\"Phone\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Ünal\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"'+13125550147\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"FirstContacted\",\"Owner\"", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",\"Dana Owner\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Anxiety", csv, StringComparison.Ordinal);

        await using var scope = _app.CreateDbScope();
        var audit = await scope.Db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RequestsExported);
        Assert.Contains("1 rows", audit.Details, StringComparison.Ordinal);
    }
}
