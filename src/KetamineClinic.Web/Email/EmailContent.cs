using KetamineClinic.Data;
using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Email;

/// <summary>An email as its feature writes it: who it is for, its subject and what it says.</summary>
public sealed record EmailContent(IReadOnlyList<string> To, string Subject, EmailBody Body);

/// <summary>
/// Writes the emails the outbox sends. The outbox keeps no content (no recipients, subject or body): it asks the
/// feature the email belongs to, at the moment of sending, so there is no second copy of anyone's details.
/// </summary>
public interface IEmailWriter
{
    /// <summary>Loads, in one go, what a batch of queued emails needs.</summary>
    Task<IEmailBatchWriter> LoadAsync(ClinicDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);
}

public interface IEmailBatchWriter
{
    /// <summary>Writes one email of the batch; throws when it can no longer be written (its request was deleted).</summary>
    EmailContent Write(OutboxMessage message);
}
