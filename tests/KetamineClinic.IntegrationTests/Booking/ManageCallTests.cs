using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NodaTime.Text;

namespace KetamineClinic.IntegrationTests.Booking;

/// <summary>The booking emails, the manage link, changing and cancelling, and reminders, on a clock the test moves.</summary>
public sealed partial class ManageCallTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public ManageCallTests() => _factory.ServiceOverrides = services => services.AddSingleton<TimeProvider>(_time);

    public void Dispose() => _factory.Dispose();

    private Task<int> DispatchAsync() =>
        _factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single().DispatchDueAsync(CancellationToken.None);

    private async Task<List<OutboxMessage>> CallEmailsAsync(EmailKind kind)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.NextAttemptAt).ToListAsync();
    }

    // The app's own dispatcher runs beside the test's calls, so a message can be mid-send when one returns: wait for it.
    private Task<List<OutboxMessage>> WhenAsync(EmailKind kind, Func<List<OutboxMessage>, bool> done, string because) =>
        Eventually.GetAsync(() => CallEmailsAsync(kind), done, TimeSpan.FromSeconds(10), because);

    private static bool OneSent(List<OutboxMessage> messages) => messages is [{ Status: OutboxStatus.Sent }];

    private MimeMessage Read(OutboxMessage message) =>
        MimeMessage.Load(Path.Combine(_factory.MailDirectory, PickupDirectoryTransport.FileName(message.MessageId)));

    private static (string Method, Calendar Calendar) Invitation(MimeMessage mail)
    {
        var part = mail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        return (part.ContentType.Parameters["method"]!, Calendar.Load(part.Text)!);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/booking/[A-Za-z0-9_-]{43}")]
    private static partial Regex ManageLink();

    [Fact]
    public async Task A_booked_call_is_emailed_with_an_invitation_moved_and_cancelled_through_its_manage_link_and_reminded_on_time()
    {
        using var client = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));
        var page = await client.GetDocumentAsync(BookingRoutes.Received(reference));
        var dayAhead = NodaTime.Instant.FromDateTimeOffset(_time.GetUtcNow()) + NodaTime.Duration.FromHours(26);
        var starts = CallBookingPoster.OfferedStarts(page).Where(s => InstantPattern.General.Parse(s).Value > dayAhead).ToList();
        var (first, second) = (starts[0], starts[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ChooseAsync(page, first)).StatusCode);

        // Booked: one email with a METHOD:REQUEST invitation and the manage link; the token leaves the outbox once sent.
        await DispatchAsync();
        var booked = Assert.Single(await WhenAsync(EmailKind.CallBooked, OneSent, "the booking email should be sent"));
        Assert.Equal(OutboxStatus.Sent, booked.Status);
        Assert.Null(booked.ManageToken);
        var mail = Read(booked);
        Assert.Equal("avery.quinn@example.com", mail.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("SSRI", mail.ToString(), StringComparison.OrdinalIgnoreCase);
        var (method, invitation) = Invitation(mail);
        Assert.Equal("REQUEST", method);
        Assert.Equal("REQUEST", invitation.Method);
        var bookedEvent = Assert.Single(invitation.Events);
        Assert.Equal(0, bookedEvent.Sequence);
        Assert.Equal("America/Chicago", Assert.Single(invitation.TimeZones).TzId);
        Assert.Equal(InstantPattern.General.Parse(first).Value.ToDateTimeUtc(), bookedEvent.DtStart!.AsUtc);
        var manageUrl = new Uri(ManageLink().Match(mail.TextBody!).Value);
        var manage = manageUrl.AbsolutePath;
        Assert.Contains(manageUrl.AbsoluteUri, bookedEvent.Description, StringComparison.Ordinal);

        // Reminders 24 and 2 hours before, waiting in the outbox.
        var firstStart = InstantPattern.General.Parse(first).Value.ToDateTimeUtc();
        Assert.Equal([firstStart.AddHours(-24), firstStart.AddHours(-2)], (await CallEmailsAsync(EmailKind.CallReminder)).Select(m => m.NextAttemptAt));

        // The manage link, from another browser: the time, and the same list to change it.
        using var visitor = _factory.CreateBrowser();
        var managePage = await visitor.GetDocumentAsync(manage);
        var label = managePage.QuerySelector("[data-testid=booked-time]")!.TextContent.Trim();
        Assert.Equal(CallTimeLabels.DayAndTime(InstantPattern.General.Parse(first).Value, NodaTime.DateTimeZoneProviders.Tzdb["America/Chicago"]), label);
        Assert.StartsWith("Choose a time", managePage.QuerySelector("form.choose-time legend")!.TextContent.Trim(), StringComparison.Ordinal);

        using var changed = await visitor.ChooseAsync(managePage, second);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var afterChange = await visitor.GetDocumentAsync(changed.Headers.Location!.OriginalString);
        Assert.NotEqual(label, afterChange.QuerySelector("[data-testid=booked-time]")!.TextContent.Trim());
        Assert.Contains(first, CallBookingPoster.OfferedStarts(afterChange)); // the old time is free at once

        await DispatchAsync();
        var (changeMethod, changeInvitation) = Invitation(Read(Assert.Single(await WhenAsync(EmailKind.CallChanged, OneSent, "the change email should be sent"))));
        Assert.Equal("REQUEST", changeMethod);
        Assert.Equal(bookedEvent.Uid, changeInvitation.Events.Single().Uid);
        Assert.Equal(1, changeInvitation.Events.Single().Sequence);
        var secondStart = InstantPattern.General.Parse(second).Value.ToDateTimeUtc();
        Assert.Equal([secondStart.AddHours(-24), secondStart.AddHours(-2)], (await CallEmailsAsync(EmailKind.CallReminder)).Select(m => m.NextAttemptAt));

        // The first reminder goes out when its time comes, not before.
        _time.SetUtcNow(new DateTimeOffset(secondStart.AddHours(-24).AddMinutes(-1)));
        await DispatchAsync();
        Assert.All(await CallEmailsAsync(EmailKind.CallReminder), m => Assert.Equal(OutboxStatus.Pending, m.Status));
        _time.Advance(TimeSpan.FromMinutes(2));
        await DispatchAsync();
        var reminders = await WhenAsync(EmailKind.CallReminder, l => l is [{ Status: OutboxStatus.Sent }, _], "the first reminder should be sent");
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending], reminders.Select(m => m.Status));
        var reminder = Read(reminders[0]);
        Assert.StartsWith("Reminder: your consultation call", reminder.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("SSRI", reminder.ToString(), StringComparison.OrdinalIgnoreCase);

        // Cancelling asks first, then frees the time, drops the last reminder and sends METHOD:CANCEL.
        var confirm = await visitor.GetDocumentAsync(BookingRoutes.Cancel(manage["/booking/".Length..]));
        var form = confirm.QuerySelector("form.cancel-call")!;
        using var cancelled = await visitor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("Your call is cancelled", (await cancelled.ReadDocumentAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await CallEmailsAsync(EmailKind.CallReminder)); // the sent one; the pending one is gone
        await DispatchAsync();
        var (cancelMethod, cancelInvitation) = Invitation(Read(Assert.Single(await WhenAsync(EmailKind.CallCancelled, OneSent, "the cancellation email should be sent"))));
        Assert.Equal("CANCEL", cancelMethod);
        Assert.Equal(2, cancelInvitation.Events.Single().Sequence);
        Assert.Equal(bookedEvent.Uid, cancelInvitation.Events.Single().Uid);

        // The link no longer opens anything, and says nothing about why.
        using var gone = await visitor.GetAsync(manage);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(0, await scope.Db.ConsultationCalls.CountAsync(c => c.CancelledAt == null));
        Assert.Equal(
            ["call.booked", "call.changed", "call.cancelled"],
            await scope.Db.AuditEntries.Where(a => a.Subject == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [InlineData("/booking/not-a-token")]
    [InlineData("/booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/cancel")]
    [InlineData("/booking/%27%3B--%20OR%201%3D1")]
    public async Task A_forged_or_malformed_manage_link_gets_the_same_clear_page_and_never_an_error(string path)
    {
        using var client = _factory.CreateBrowser();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("This link does not work", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_expired_manage_link_opens_nothing()
    {
        using var client = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));
        var page = await client.GetDocumentAsync(BookingRoutes.Received(reference));
        await client.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[0]);
        await DispatchAsync();
        var manage = new Uri(ManageLink().Match(Read(Assert.Single(await CallEmailsAsync(EmailKind.CallBooked))).TextBody!).Value).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(manage)).StatusCode);

        _time.Advance(TimeSpan.FromDays(15) + CallBooking.ManageLinkMargin);

        using var expired = await client.GetAsync(manage);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }
}
