using KetamineClinic.Data;
using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Email;

/// <summary>An email as its feature writes it: who it is for, its subject and what it says.</summary>
public sealed record EmailContent(IReadOnlyList<string> To, string Subject, EmailBody Body)
{
    /// <summary>An iCalendar invitation sent as a <c>text/calendar</c> part beside the text and HTML (a booked call's).</summary>
    public CalendarPart? Calendar { get; init; }
}

/// <summary>An iCalendar object and its METHOD (REQUEST, CANCEL), which the part's content type repeats (RFC 6047).</summary>
public sealed record CalendarPart(string Ics, string Method);

/// <summary>
/// Writes the emails the outbox sends. The outbox keeps no content (no recipients, subject or body): it asks the
/// feature the email belongs to, at the moment of sending, so there is no second copy of anyone's details.
/// </summary>
public interface IEmailWriter
{
    /// <summary>The kinds of email this writer owns; the dispatcher routes each queued email to its kind's writer.</summary>
    IReadOnlyCollection<EmailKind> Kinds { get; }

    /// <summary>Loads, in one go, what a batch of queued emails needs.</summary>
    Task<IEmailBatchWriter> LoadAsync(ClinicDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);
}

public interface IEmailBatchWriter
{
    /// <summary>Writes one email of the batch; throws when it can no longer be written (its request was deleted).</summary>
    EmailContent Write(OutboxMessage message);
}
