using System.Net;
using Ical.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Features.Booking;
using KetamineClinic.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime.Text;

namespace KetamineClinic.IntegrationTests.Staff;

/// <summary>/staff/schedule: the week's calls, moving and cancelling them (the visitor is emailed), done and no-show.</summary>
public sealed class ScheduleTests(ScheduleTests.AppFactory factory) : IClassFixture<ScheduleTests.AppFactory>
{
    /// <summary>Each test signs in as a new member: more sign-ins a minute than the default limit allows.</summary>
    public sealed class AppFactory : ConsultationAppFactory
    {
        public AppFactory() => Settings["Staff:LoginAttemptsPerMinute"] = "1000";
    }

    /// <summary>A visitor's request with the first time offered booked, as the visitor books it.</summary>
    private async Task<(string Reference, int RequestId, ConsultationCall Call)> BookedCallAsync()
    {
        using var visitor = factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await visitor.SubmitAsync(ConsultationFormPoster.ValidFields()));
        var page = await visitor.GetDocumentAsync(BookingRoutes.Received(reference));
        using var booked = await visitor.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[0]);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        await using var scope = factory.CreateDbScope();
        var call = await scope.Db.ConsultationCalls.AsNoTracking().Include(c => c.ConsultationRequest).SingleAsync(c => c.ConsultationRequest!.Reference == reference);
        return (reference, call.ConsultationRequestId, call);
    }

    private async Task<ConsultationCall> ReloadAsync(int callId)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationCalls.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    private async Task<List<AuditEntry>> AuditAsync(string action, string? subject)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.Subject == subject).ToListAsync();
    }

    private async Task<MimeMessage> SentEmailAsync(int callId, EmailKind kind)
    {
        await using var scope = factory.CreateDbScope();
        var message = (await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationCallId == callId && m.Kind == kind).ToListAsync(),
            list => list is [{ Status: OutboxStatus.Sent }],
            because: $"the {kind} email should be sent by the dispatcher")).Single();
        return MimeMessage.Load(Path.Combine(factory.MailDirectory, PickupDirectoryTransport.FileName(message.MessageId)));
    }

    private static Calendar Invitation(MimeMessage mail) =>
        Calendar.Load(mail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text)!;

    [Theory]
    [InlineData(StaffRoles.Staff)]
    [InlineData(StaffRoles.Admin)]
    public async Task Every_staff_role_sees_the_weeks_calls_linked_to_their_requests_and_the_read_is_audited(string role)
    {
        var (reference, requestId, _) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync(role);
        var before = (await AuditAsync(AuditActions.ScheduleViewed, null)).Count;

        var page = await staff.GetDocumentAsync(StaffRoutes.Schedule);

        var row = page.QuerySelectorAll("[data-testid=schedule-call]").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(StaffRoutes.Request(requestId), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Booked", row.QuerySelector("[data-testid=schedule-call-status]")!.TextContent.Trim());
        Assert.Matches(@"^\d{1,2}:\d{2} [AP]M–\d{1,2}:\d{2} [AP]M$", row.QuerySelector("th")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("a[href$='/change']"));
        Assert.NotNull(row.QuerySelector("a[href$='/cancel']"));
        Assert.StartsWith("Today, ", page.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"nav a[href='{StaffRoutes.Schedule}'][aria-current=page]"));
        Assert.Equal(before + 1, (await AuditAsync(AuditActions.ScheduleViewed, null)).Count);
    }

    [Fact]
    public async Task Without_signing_in_the_schedule_and_its_actions_are_refused()
    {
        var (_, _, call) = await BookedCallAsync();
        using var anonymous = factory.CreateNonRedirectingClient();

        using var list = await anonymous.GetAsync(StaffRoutes.Schedule);
        using var change = await anonymous.GetAsync(StaffRoutes.ChangeCall(call.Id));

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith(StaffRoutes.Login, list.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(call.StartsAt, (await ReloadAsync(call.Id)).StartsAt);
    }

    [Fact]
    public async Task Staff_move_a_call_the_old_time_is_free_and_the_visitor_is_emailed_a_new_invitation()
    {
        var (reference, _, call) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync();
        var page = await staff.GetDocumentAsync(StaffRoutes.ChangeCall(call.Id));
        Assert.Equal(reference, page.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.StartsWith("Choose a time", page.QuerySelector("form.choose-time legend")!.TextContent.Trim(), StringComparison.Ordinal);
        var offered = CallBookingPoster.OfferedStarts(page);
        var oldStart = InstantPattern.General.Format(NodaTime.Instant.FromDateTimeUtc(call.StartsAt));
        Assert.Contains(oldStart, offered); // the call's own time counts as free while it is being moved
        var newStart = offered.First(s => s != oldStart);

        using var moved = await staff.ChooseAsync(page, newStart);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(StaffRoutes.Schedule, moved.Headers.Location!.OriginalString);
        var stored = await ReloadAsync(call.Id);
        Assert.Equal(InstantPattern.General.Parse(newStart).Value.ToDateTimeUtc(), stored.StartsAt);
        Assert.Equal(1, stored.Sequence);
        var changed = Assert.Single(await AuditAsync(AuditActions.CallChanged, reference));
        Assert.NotNull(changed.ActorId);
        var mail = await SentEmailAsync(call.Id, EmailKind.CallChanged);
        Assert.Equal("avery.quinn@example.com", mail.To.Mailboxes.Single().Address);
        var invitation = Invitation(mail);
        Assert.Equal("REQUEST", invitation.Method);
        Assert.Equal(1, Assert.Single(invitation.Events).Sequence);
        Assert.Equal(call.CalendarUid, invitation.Events.Single().Uid);
        Assert.DoesNotContain("SSRI", mail.ToString(), StringComparison.OrdinalIgnoreCase);

        // The old time is free again: a new visitor is offered it.
        using var next = factory.CreateBrowser();
        var nextReference = ConsultationFormPoster.ReferenceFrom(await next.SubmitAsync(ConsultationFormPoster.ValidFields()));
        Assert.Contains(oldStart, CallBookingPoster.OfferedStarts(await next.GetDocumentAsync(BookingRoutes.Received(nextReference))));
    }

    [Fact]
    public async Task Moving_a_call_without_choosing_a_time_says_so_and_changes_nothing()
    {
        var (_, _, call) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync();
        var page = await staff.GetDocumentAsync(StaffRoutes.ChangeCall(call.Id));

        using var response = await staff.ChooseAsync(page, null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = await response.ReadDocumentAsync();
        Assert.Contains(ChooseTimeForm.MissingMessage, again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", again.Title, StringComparison.Ordinal);
        var stored = await ReloadAsync(call.Id);
        Assert.Equal(call.StartsAt, stored.StartsAt);
        Assert.Equal(0, stored.Sequence);
    }

    [Fact]
    public async Task Staff_cancel_a_call_after_confirming_and_the_visitor_is_emailed_a_cancellation()
    {
        var (reference, _, call) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync();
        var confirm = await staff.GetDocumentAsync(StaffRoutes.CancelCall(call.Id));
        Assert.Equal(reference, confirm.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Null((await ReloadAsync(call.Id)).CancelledAt); // asking is not cancelling

        using var cancelled = await staff.PostFormAsync(StaffRoutes.CancelCall(call.Id), StaffRoutes.CancelCall(call.Id), []);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var stored = await ReloadAsync(call.Id);
        Assert.NotNull(stored.CancelledAt);
        Assert.Equal(CallStatus.Cancelled, stored.Status);
        Assert.Single(await AuditAsync(AuditActions.CallCancelled, reference));
        Assert.Equal("CANCEL", Invitation(await SentEmailAsync(call.Id, EmailKind.CallCancelled)).Method);
        var schedule = await staff.GetDocumentAsync(StaffRoutes.Schedule);
        Assert.Contains(reference, schedule.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(schedule.QuerySelectorAll("[data-testid=schedule-call]"), r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        using var again = await staff.GetAsync(StaffRoutes.ChangeCall(call.Id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData(CallStatus.Done, "Done")]
    [InlineData(CallStatus.NoShow, "No-show")]
    public async Task A_call_whose_time_has_come_is_marked_done_or_no_show_and_audited(CallStatus outcome, string shown)
    {
        var (reference, _, call) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync();
        var early = await staff.GetDocumentAsync(StaffRoutes.Schedule);
        Assert.Null(early.QuerySelector($"form[action='{StaffRoutes.CallOutcome(call.Id)}']")); // not before its time

        // The call's time comes: moved into the past in the database, as the clock would.
        var startedAt = DateTime.UtcNow.AddMinutes(-1);
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.ConsultationCalls.Where(c => c.Id == call.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, startedAt).SetProperty(c => c.EndsAt, startedAt.AddMinutes(20)));
        }

        using var marked = await staff.PostFormAsync(StaffRoutes.Schedule, StaffRoutes.CallOutcome(call.Id), new() { ["outcome"] = outcome.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(outcome, (await ReloadAsync(call.Id)).Status);
        Assert.Equal(outcome.ToString(), Assert.Single(await AuditAsync(AuditActions.CallOutcomeRecorded, reference)).Details);
        var schedule = await staff.GetDocumentAsync(StaffRoutes.Schedule);
        var row = schedule.QuerySelectorAll("[data-testid=schedule-call]").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(shown, row.QuerySelector("[data-testid=schedule-call-status]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("form"));
        await using (var scope = factory.CreateDbScope())
        {
            Assert.False(await scope.Db.OutboxMessages.AnyAsync(m => m.ConsultationCallId == call.Id && m.Kind == EmailKind.CallReminder && m.Status == OutboxStatus.Pending));
        }
    }

    [Fact]
    public async Task A_call_not_yet_due_cannot_be_marked_done()
    {
        var (_, _, call) = await BookedCallAsync();
        using var staff = await factory.SignedInClientAsync();
        var schedule = await staff.GetDocumentAsync(StaffRoutes.Schedule);

        using var response = await staff.PostAsync(StaffRoutes.CallOutcome(call.Id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = schedule.AntiforgeryToken(),
            ["outcome"] = nameof(CallStatus.Done),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CallStatus.Booked, (await ReloadAsync(call.Id)).Status);
        var after = await staff.GetDocumentAsync(StaffRoutes.Schedule);
        Assert.Contains("could not be recorded", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }
}
