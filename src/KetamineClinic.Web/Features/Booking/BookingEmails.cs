using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// The visitor's emails about a call: booked and changed (with a METHOD:REQUEST invitation), cancelled (METHOD:CANCEL)
/// and reminders. Written when the outbox sends them, from the call as it is then; no health information.
/// The acknowledgement of the request stays a separate, earlier email: it goes out whether or not a time is chosen.
/// </summary>
public sealed class BookingEmails(EmailEnvelope envelope, IOptions<ClinicOptions> clinicOptions, IServer server) : IEmailWriter
{
    public IReadOnlyCollection<EmailKind> Kinds { get; } = [EmailKind.CallBooked, EmailKind.CallChanged, EmailKind.CallCancelled, EmailKind.CallReminder];

    public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[clinicOptions.Value.TimeZone];

    /// <summary>An email about <paramref name="call"/>, due at <paramref name="sendAt"/> (a reminder's time, or now).</summary>
    public OutboxMessage NewMessage(EmailKind kind, ConsultationCall call, DateTime now, DateTime? sendAt = null, string? manageToken = null)
    {
        var message = envelope.NewOutboxMessage(kind, now);
        message.ConsultationRequestId = call.ConsultationRequestId;
        message.ConsultationCallId = call.Id;
        message.ManageToken = manageToken;
        message.NextAttemptAt = sendAt ?? now;
        return message;
    }

    public async Task<IEmailBatchWriter> LoadAsync(ClinicDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.ConsultationCallId).OfType<int>().Distinct().ToList();
        var calls = await db.ConsultationCalls.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new Source(c, c.ConsultationRequest!.Reference, c.ConsultationRequest.FirstName, c.ConsultationRequest.Email, c.ConsultationRequest.State))
            .ToDictionaryAsync(s => s.Call.Id, cancellationToken);
        return new Batch(this, calls);
    }

    private EmailContent Write(OutboxMessage message, Source source)
    {
        var clinic = clinicOptions.Value;
        var call = source.Call;
        var start = Instant.FromDateTimeUtc(call.StartsAt);
        var time = CallTimeLabels.DayAndTime(start, Zone);
        var visitorZone = StateTimeZones.OtherThanClinic(source.State, Zone);
        var manageUrl = message.ManageToken is { } token ? SiteUrls.TrustedOrigin(clinic, server) + BookingRoutes.Manage(token) : null;
        var phone = new Link(clinic.Phone, $"tel:{clinic.PhoneE164}", ShowUrlInText: false);

        var body = new EmailBody().Add($"Dear {source.FirstName},");
        var (subject, opening, method) = message.Kind switch
        {
            EmailKind.CallBooked => ($"Your consultation call: {time}", $"Your free consultation call with {clinic.Name} is booked for {time}.", CalendarMethods.Request),
            EmailKind.CallChanged => ($"Your consultation call has moved: {time}", $"Your free consultation call with {clinic.Name} is now at {time}.", CalendarMethods.Request),
            EmailKind.CallCancelled => ($"Your consultation call is cancelled", $"Your consultation call with {clinic.Name} at {time} is cancelled.", CalendarMethods.Cancel),
            EmailKind.CallReminder => ($"Reminder: your consultation call, {time}", $"A reminder: your free consultation call with {clinic.Name} is at {time}.", (string?)null),
            _ => throw new InvalidOperationException($"No template for email kind {message.Kind}."),
        };
        body.Add(opening);
        if (message.Kind != EmailKind.CallCancelled)
        {
            if (visitorZone is not null)
            {
                body.Add($"That is {CallTimeLabels.DayAndTime(start, visitorZone)} where you are.");
            }

            body.Add("We will phone you from ", phone, $". The call takes about {(int)(call.EndsAt - call.StartsAt).TotalMinutes} minutes.");
            if (manageUrl is not null)
            {
                body.Add(new Link("Change or cancel your call", manageUrl));
            }
            else
            {
                body.Add("To change or cancel, use the link in your booking email or call us on ", phone, ".");
            }
        }
        else
        {
            body.Add("If you would like another time, request one on our website or call us on ", phone, ".");
        }

        body.Add("Your reference is ", new Strong(source.Reference), ".")
            .Add(new Paragraph(new Strong("If you are in crisis, call or text 988 (the Suicide & Crisis Lifeline, free and open 24/7). In an emergency, call 911.")))
            .Add("Please do not reply to this email: replies are not read.")
            .Add(clinic.Name);
        var content = new EmailContent([source.Email], subject, body);
        return method is null ? content : content with { Calendar = new CalendarPart(CallCalendar.Write(call, clinic, Zone, method, manageUrl), method) };
    }

    private sealed record Source(ConsultationCall Call, string Reference, string FirstName, string Email, string State);

    private sealed class Batch(BookingEmails emails, Dictionary<int, Source> calls) : IEmailBatchWriter
    {
        public EmailContent Write(OutboxMessage message) =>
            message.ConsultationCallId is { } id && calls.TryGetValue(id, out var source)
                ? emails.Write(message, source)
                : throw new InvalidOperationException($"Email {message.Id} is about a call that no longer exists.");
    }
}
