using System.Net;
using Ical.Net;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Booking;

public sealed class BookingJourneyTests(ConsultationAppFactory factory) : IClassFixture<ConsultationAppFactory>
{
    private async Task<(HttpClient Client, string Reference, AngleSharp.Dom.IDocument Page)> SendRequestAsync(string state = "IL")
    {
        var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields["State"] = state;
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));
        var page = await client.GetDocumentAsync(BookingRoutes.Received(reference));
        return (client, reference, page);
    }

    private async Task<int> LiveCallsAsync(string reference)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationCalls.CountAsync(c => c.ConsultationRequest!.Reference == reference && c.CancelledAt == null);
    }

    [Fact]
    public async Task A_visitor_chooses_a_time_sees_it_booked_and_downloads_it_as_a_calendar_file()
    {
        var (client, reference, page) = await SendRequestAsync();
        using var _ = client;

        var legend = page.QuerySelector("form.choose-time fieldset legend")!.TextContent.Trim();
        Assert.StartsWith("Choose a time", legend, StringComparison.Ordinal);
        Assert.Equal(reference, page.QuerySelector("[data-testid=reference]")!.TextContent);
        var days = page.QuerySelectorAll(".call-day");
        Assert.NotEmpty(days);
        Assert.All(days, day => Assert.NotEmpty(day.QuerySelectorAll("input[type=radio]")));
        Assert.All(days, day => Assert.Equal("DETAILS", day.TagName));
        Assert.Same(days[0], Assert.Single(days, day => day.HasAttribute("open"))); // a short list: only the first day's times open
        Assert.Equal(3, page.QuerySelectorAll("fieldset > details.call-day").Length);
        Assert.NotNull(page.QuerySelector("details.later-times summary"));
        var labels = page.QuerySelectorAll("form.choose-time label").Select(l => l.TextContent.Trim()).ToList();
        Assert.All(labels, label => Assert.Matches(@"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{1,2}:\d{2} (AM|PM) Central Time$", label));
        Assert.Null(page.QuerySelector(".visitor-time")); // Illinois keeps the clinic's clock
        Assert.Equal(BookingRoutes.NoTime(reference), page.QuerySelector($"a:contains('{ChooseTimeForm.NoneLabel}')")?.GetAttribute("href"));

        var start = CallBookingPoster.OfferedStarts(page)[1];
        var chosenLabel = labels[1];
        using var booked = await client.ChooseAsync(page, start);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(BookingRoutes.Call(reference), booked.Headers.Location!.OriginalString);

        var confirmation = await client.GetDocumentAsync(BookingRoutes.Call(reference));
        Assert.Equal(chosenLabel, confirmation.QuerySelector("[data-testid=booked-time]")!.TextContent.Trim());
        Assert.Equal(reference, confirmation.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Contains("(312) 555-0147", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var calendarLink = confirmation.QuerySelector("a[download]")!.GetAttribute("href")!;

        // The received page now leads to the booking, and a second post books nothing more.
        using var again = await client.GetAsync(BookingRoutes.Received(reference));
        Assert.Equal(BookingRoutes.Call(reference), again.Headers.Location!.OriginalString);
        using var repeated = await client.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[2]);
        Assert.Equal(HttpStatusCode.Redirect, repeated.StatusCode);
        Assert.Equal(1, await LiveCallsAsync(reference));

        using var file = await client.GetAsync(calendarLink);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        var ics = await file.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SSRI", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Avery", ics, StringComparison.Ordinal);
        var calendar = Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("America/Chicago", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal("America/Chicago", calendarEvent.DtStart!.TzId);
        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(start).Value.ToDateTimeUtc(), calendarEvent.DtStart.AsUtc);
        Assert.Equal(TimeSpan.FromMinutes(20), calendarEvent.DtEnd!.AsUtc - calendarEvent.DtStart.AsUtc);
        await using var scope = factory.CreateDbScope();
        var call = await scope.Db.ConsultationCalls.SingleAsync(c => c.ConsultationRequest!.Reference == reference);
        Assert.Equal(call.CalendarUid, calendarEvent.Uid);
        Assert.Equal(64, call.ManageTokenHash.Length);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "call.booked" && a.Subject == reference));
    }

    [Fact]
    public async Task The_last_seat_goes_to_the_first_visitor_and_the_second_sees_the_list_again_with_that_time_was_just_taken()
    {
        var (first, firstReference, firstPage) = await SendRequestAsync();
        var (second, secondReference, secondPage) = await SendRequestAsync();
        using var a = first;
        using var b = second;
        var start = CallBookingPoster.OfferedStarts(secondPage).Intersect(CallBookingPoster.OfferedStarts(firstPage)).First();

        using var won = await first.ChooseAsync(firstPage, start);
        using var lost = await second.ChooseAsync(secondPage, start);

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lost.StatusCode);
        var again = await lost.ReadDocumentAsync();
        Assert.Contains(ChooseTimeForm.TakenMessage, again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(start, CallBookingPoster.OfferedStarts(again));
        Assert.NotEmpty(CallBookingPoster.OfferedStarts(again));
        Assert.Equal(secondReference, again.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Equal(1, await LiveCallsAsync(firstReference));
        Assert.Equal(0, await LiveCallsAsync(secondReference));
    }

    [Theory]
    [InlineData(null, ChooseTimeForm.MissingMessage)]
    [InlineData("not-a-time", ChooseTimeForm.NotOfferedMessage)]
    [InlineData("2020-01-06T15:00:00Z", ChooseTimeForm.NotOfferedMessage)] // in the past
    [InlineData("OFFSET:+7", ChooseTimeForm.NotOfferedMessage)] // off the grid, seven minutes after an offered time
    public async Task A_choice_that_is_missing_malformed_past_or_outside_the_hours_gets_a_message_and_books_nothing(string? start, string message)
    {
        var (client, reference, page) = await SendRequestAsync();
        using var _ = client;
        if (start is "OFFSET:+7")
        {
            var offered = NodaTime.Text.InstantPattern.General.Parse(CallBookingPoster.OfferedStarts(page)[0]).Value;
            start = NodaTime.Text.InstantPattern.General.Format(offered + NodaTime.Duration.FromMinutes(7));
        }

        using var response = await client.ChooseAsync(page, start);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = await response.ReadDocumentAsync();
        Assert.Contains(message, again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(CallBookingPoster.OfferedStarts(again));
        Assert.Equal(0, await LiveCallsAsync(reference));
    }

    [Fact]
    public async Task A_visitor_in_another_zone_sees_their_own_time_and_a_stranger_can_neither_see_nor_book()
    {
        var (client, reference, page) = await SendRequestAsync(state: "CA");
        using var _ = client;
        Assert.All(page.QuerySelectorAll(".visitor-time"), span => Assert.EndsWith("Pacific Time where you are)", span.TextContent.Trim(), StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll(".visitor-time"));

        using var stranger = factory.CreateBrowser();
        var strangerPage = await stranger.GetDocumentAsync(BookingRoutes.Received(reference));
        Assert.Null(strangerPage.QuerySelector("form.choose-time"));
        using var post = await stranger.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[0]);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode); // its antiforgery token is not this browser's
        using var booked = await stranger.GetAsync(BookingRoutes.Call(reference));
        Assert.Equal(BookingRoutes.Received(reference), booked.Headers.Location!.OriginalString);
        using var none = await stranger.GetAsync(BookingRoutes.NoTime(reference));
        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
        Assert.Equal(0, await LiveCallsAsync(reference));

        var noTime = await client.GetDocumentAsync(BookingRoutes.NoTime(reference));
        Assert.Equal(reference, noTime.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Contains("No time is booked", noTime.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_booked_call_and_its_history_on_the_request_page_and_the_inbox_query_finds_it()
    {
        var (client, reference, page) = await SendRequestAsync();
        using var _ = client;
        using var booked = await client.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[0]);
        int requestId;
        await using (var scope = factory.CreateDbScope())
        {
            requestId = await scope.Db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            var calls = await KetamineClinic.Web.Features.Staff.Schedule.BookedCalls.ForRequestsAsync(scope.Db, [requestId, -1], CancellationToken.None);
            Assert.Equal(KetamineClinic.Data.Entities.CallStatus.Booked, Assert.Single(calls).Value.Status);
        }

        using var staff = await factory.SignedInClientAsync();
        var details = await staff.GetDocumentAsync(KetamineClinic.Web.Features.Staff.StaffRoutes.Request(requestId));
        Assert.NotNull(details.QuerySelector("[data-testid=staff-call-time]"));
        Assert.Contains("call.booked by visitor", details.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
