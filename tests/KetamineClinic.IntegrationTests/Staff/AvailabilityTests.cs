using System.Net;
using AngleSharp.Dom;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Booking;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Availability;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace KetamineClinic.IntegrationTests.Staff;

/// <summary>/staff/availability (Admin): the calling hours, validated, saved to the one settings row, followed at once.</summary>
public sealed class AvailabilityTests : IDisposable
{
    private static readonly DateTimeZone _clinicZone = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private readonly ConsultationAppFactory _factory = new();

    public AvailabilityTests() => _factory.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _factory.Dispose();

    /// <summary>The form's fields as a browser would send them (ticked boxes only), with <paramref name="changes"/> applied.</summary>
    private static List<KeyValuePair<string, string>> Fields(IDocument page, Dictionary<string, string?> changes)
    {
        var form = page.QuerySelector("form.availability-form")!;
        var fields = form.QuerySelectorAll("input")
            .Where(i => i.GetAttribute("type") != "checkbox" || i.HasAttribute("checked"))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => !changes.ContainsKey(f.Key))
            .ToList();
        fields.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)));
        return fields;
    }

    /// <summary>The times a new visitor is offered, and the list's hint (which gives the call's length).</summary>
    private async Task<(IReadOnlyList<Instant> Starts, string Hint)> OfferedToAVisitorAsync()
    {
        using var visitor = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await visitor.SubmitAsync(ConsultationFormPoster.ValidFields()));
        var page = await visitor.GetDocumentAsync(BookingRoutes.Received(reference));
        return ([.. CallBookingPoster.OfferedStarts(page).Select(s => InstantPattern.General.Parse(s).Value)], page.QuerySelector("#choose-time-hint")!.TextContent);
    }

    private async Task<AvailabilitySettings?> StoredAsync()
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.AvailabilitySettings.AsNoTracking().SingleOrDefaultAsync();
    }

    [Fact]
    public async Task An_admin_saves_the_hours_and_the_visitor_is_offered_the_new_times_at_once()
    {
        var (before, hintBefore) = await OfferedToAVisitorAsync();
        Assert.Contains(before, s => (s - before[0]) == Duration.FromMinutes(20)); // the default call length
        Assert.Contains("about 20 minutes", hintBefore, StringComparison.Ordinal);
        var firstDay = before[0].InZone(_clinicZone).Date;
        using var admin = await _factory.SignedInClientAsync(StaffRoles.Admin);
        var page = await admin.GetDocumentAsync(StaffRoutes.Availability);
        Assert.Equal("20", page.QuerySelector("#CallMinutes")!.GetAttribute("value"));
        Assert.Equal("09:00", page.QuerySelector("#Days_0__Opens")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#Days_0__Open[checked]"));
        Assert.Null(page.QuerySelector("#Days_6__Open[checked]")); // Sunday closed by default

        using var saved = await admin.PostAsync(StaffRoutes.Availability, new FormUrlEncodedContent(Fields(page, new()
        {
            ["CallMinutes"] = "60",
            ["MinimumNoticeHours"] = "3",
            ["AddClosedDate"] = LocalDatePattern.Iso.Format(firstDay),
        })));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await StoredAsync();
        Assert.NotNull(row);
        Assert.Equal(60, row.CallMinutes);
        Assert.Equal(180, row.MinimumNoticeMinutes);
        Assert.Equal(LocalDatePattern.Iso.Format(firstDay), row.ClosedDates);
        Assert.Contains("Monday 09:00-17:00", row.WeeklyHours, StringComparison.Ordinal);
        var (after, hintAfter) = await OfferedToAVisitorAsync();
        Assert.NotEmpty(after);
        Assert.Contains("about 60 minutes", hintAfter, StringComparison.Ordinal);
        Assert.DoesNotContain(after, s => s.InZone(_clinicZone).Date == firstDay);
        var sameDay = after.TakeWhile(s => s.InZone(_clinicZone).Date == after[0].InZone(_clinicZone).Date).ToList();
        Assert.All(sameDay.Zip(sameDay.Skip(1)), pair => Assert.Equal(Duration.FromMinutes(60), pair.Second - pair.First));
        await using (var scope = _factory.CreateDbScope())
        {
            Assert.Equal(1, await scope.Db.AuditEntries.CountAsync(a => a.Action == AuditActions.AvailabilityChanged && a.ActorId != null));
            Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AvailabilityViewed));
        }

        // The closed date is listed with a "Remove" box; ticking it and saving opens the day again.
        var again = await admin.GetDocumentAsync(StaffRoutes.Availability);
        Assert.Contains(AvailabilityController.SavedMessage, again.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("60", again.QuerySelector("#CallMinutes")!.GetAttribute("value"));
        var remove = again.QuerySelector("input[name=RemoveClosedDates]")!;
        Assert.Equal(LocalDatePattern.Iso.Format(firstDay), remove.GetAttribute("value"));
        using var removed = await admin.PostAsync(StaffRoutes.Availability, new FormUrlEncodedContent(Fields(again, new()
        {
            ["RemoveClosedDates"] = LocalDatePattern.Iso.Format(firstDay),
        })));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("", (await StoredAsync())!.ClosedDates);
    }

    [Fact]
    public async Task Invalid_hours_are_shown_again_as_typed_with_messages_and_nothing_is_saved()
    {
        using var admin = await _factory.SignedInClientAsync(StaffRoles.Admin);
        var page = await admin.GetDocumentAsync(StaffRoutes.Availability);

        using var response = await admin.PostAsync(StaffRoutes.Availability, new FormUrlEncodedContent(Fields(page, new()
        {
            ["Days[0].Opens"] = "25:00",
            ["Days[1].Opens"] = "17:00",
            ["Days[1].Closes"] = "09:00",
            ["CallMinutes"] = "twenty",
            ["AddClosedDate"] = "next Friday",
        })));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var returned = await response.ReadDocumentAsync();
        Assert.StartsWith("Error: Availability", returned.Title, StringComparison.Ordinal);
        Assert.Equal(
            ["#Days_0__Opens", "#Days_1__Closes", "#CallMinutes", "#AddClosedDate"],
            returned.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Monday: enter the time calls start as hours and minutes, like 09:00.", returned.QuerySelector("#Days_0__Opens-error")!.TextContent.Trim());
        Assert.Equal("Tuesday: the end must be later than the start.", returned.QuerySelector("#Days_1__Closes-error")!.TextContent.Trim());
        Assert.Equal("true", returned.QuerySelector("#CallMinutes")!.GetAttribute("aria-invalid"));
        Assert.Equal("twenty", returned.QuerySelector("#CallMinutes")!.GetAttribute("value"));
        Assert.Equal("next Friday", returned.QuerySelector("#AddClosedDate")!.GetAttribute("value"));
        Assert.Equal("25:00", returned.QuerySelector("#Days_0__Opens")!.GetAttribute("value"));
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task A_member_without_the_admin_role_can_neither_read_nor_change_the_hours()
    {
        using var admin = await _factory.SignedInClientAsync(StaffRoles.Admin);
        var adminPage = await admin.GetDocumentAsync(StaffRoutes.Availability);
        using var member = await _factory.SignedInClientAsync(StaffRoles.Staff);
        var requests = await member.GetDocumentAsync(StaffRoutes.Requests);
        Assert.Null(requests.QuerySelector($"nav a[href='{StaffRoutes.Availability}']"));

        using var read = await member.GetAsync(StaffRoutes.Availability);
        var fields = Fields(adminPage, new() { ["CallMinutes"] = "60", ["__RequestVerificationToken"] = requests.AntiforgeryToken() });
        using var write = await member.PostAsync(StaffRoutes.Availability, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Null(await StoredAsync());
    }
}
