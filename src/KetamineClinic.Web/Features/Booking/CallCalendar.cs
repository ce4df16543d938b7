using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using NodaTime;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>
/// The call as an iCalendar file (RFC 5545, written by Ical.Net): the event in the clinic's zone with its VTIMEZONE,
/// a stable UID and a SEQUENCE raised on every change. It says who calls and from which number, never anything
/// about the visitor's health.
/// </summary>
public static class CallCalendar
{
    public const string ContentType = "text/calendar";

    /// <summary><paramref name="method"/> is PUBLISH for a download, REQUEST or CANCEL for an email invitation.</summary>
    public static string Write(ConsultationCall call, ClinicOptions clinic, DateTimeZone zone, string method, string? manageUrl = null)
    {
        var calendar = new Calendar { Method = method, ProductId = $"-//{clinic.Name}//Consultation calls//EN" };
        calendar.AddTimeZone(new VTimeZone(zone.Id));

        var description = $"{clinic.Name} will phone you for your free consultation call from {clinic.Phone}. "
            + "It takes about " + (int)(call.EndsAt - call.StartsAt).TotalMinutes + " minutes: what you would like help with, "
            + "how treatment works, and your questions.";
        if (manageUrl is not null)
        {
            description += $" To change or cancel: {manageUrl}";
        }

        calendar.Events.Add(new CalendarEvent
        {
            Uid = call.CalendarUid,
            Sequence = call.Sequence,
            DtStamp = new CalDateTime(call.UpdatedAt, "UTC"),
            DtStart = Local(call.StartsAt, zone),
            DtEnd = Local(call.EndsAt, zone),
            Summary = $"Free consultation call with {clinic.Name}",
            Description = description,
            Location = $"Phone call from {clinic.Phone}",
            Status = method == CalendarMethods.Cancel || call.CancelledAt is not null ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = string.IsNullOrEmpty(clinic.Email) ? null : new Organizer($"mailto:{clinic.Email}") { CommonName = clinic.Name },
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateTime utc, DateTimeZone zone) =>
        new(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zone.Id);
}

public static class CalendarMethods
{
    public const string Publish = "PUBLISH";
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
}
