using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// The two emails of a consultation request: the staff notification and the visitor's acknowledgement. They are
/// queued (as outbox rows with no content) in the same transaction as the request and written from the request
/// when the outbox sends them. The staff notification is an alert (reference, urgency, link); the person's name,
/// contact preference and clinical details appear in it only when Email:IncludeClinicalDetails is on.
/// </summary>
public sealed class ConsultationEmails(
    EmailEnvelope envelope, IOptions<ClinicOptions> clinicOptions, IOptions<EmailOptions> emailOptions, IServer server) : IEmailWriter
{
    public IReadOnlyCollection<EmailKind> Kinds { get; } = [EmailKind.StaffNotification, EmailKind.Acknowledgement];

    /// <summary>Queues both emails with a request that is about to be inserted; EF links them to it.</summary>
    public void Queue(ConsultationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Emails =
        [
            envelope.NewOutboxMessage(EmailKind.StaffNotification, request.CreatedAt),
            envelope.NewOutboxMessage(EmailKind.Acknowledgement, request.CreatedAt),
        ];
    }

    public async Task<IEmailBatchWriter> LoadAsync(ClinicDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        var ids = messages.Select(m => m.ConsultationRequestId).Distinct().ToList();
        var requests = await db.ConsultationRequests.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new Source(r.Id, r.Reference, r.FirstName, r.LastName, r.Email, r.PreferredContact, r.IsUrgent))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        if (emailOptions.Value.IncludeClinicalDetails)
        {
            // Health information is read (and decrypted) only when it will be included.
            var clinical = await db.ConsultationRequests.AsNoTracking()
                .Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.HelpWith, r.HealthAnswers })
                .ToListAsync(cancellationToken);
            foreach (var row in clinical)
            {
                requests[row.Id] = requests[row.Id] with { Clinical = (row.HelpWith, HealthAnswers.FromJson(row.HealthAnswers)) };
            }
        }

        return new Batch(this, requests);
    }

    private EmailContent StaffNotification(Source request)
    {
        // Never the Host header of the visitor's request: Clinic:BaseUrl, or the address the server listens on.
        var link = SiteUrls.TrustedOrigin(clinicOptions.Value, server) + StaffRoutes.Request(request.Id);
        var subject = (request.IsUrgent ? "[URGENT] " : "") + $"New consultation request {request.Reference}";

        // By default an alert only: which request, and whether it is urgent. Who it is and what they wrote are read
        // after signing in; a phone shows the subject on its lock screen, and mail is not a place for health data.
        var fields = new List<(string Label, string Value)> { ("Reference", request.Reference) };
        if (emailOptions.Value.IncludeClinicalDetails)
        {
            fields.Add(("Name", $"{request.FirstName} {request.LastName}"));
            fields.Add(("Preferred contact", request.PreferredContact.Label()));
        }

        fields.Add(("Urgent", request.IsUrgent ? "Yes — the message suggests a possible crisis. Contact them as soon as possible." : "No"));
        if (emailOptions.Value.IncludeClinicalDetails && request.Clinical is { } clinical)
        {
            fields.Add(("What they would like help with", clinical.HelpWith));
            fields.AddRange(clinical.Answers.Describe());
        }

        var body = new EmailBody()
            .Add("A new consultation request has arrived.")
            .Add(new FieldTable(fields))
            .Add(new Link("Open the request", link));
        return new EmailContent([.. emailOptions.Value.StaffRecipients.Select(r => r.Trim())], subject, body);
    }

    private EmailContent Acknowledgement(Source request)
    {
        var clinic = clinicOptions.Value;
        var crisis = new Paragraph(new Strong("If you are in crisis, call or text 988 (the Suicide & Crisis Lifeline, free and open 24/7). In an emergency, call 911."));
        // Someone whose words suggested a crisis reads where to get help now before anything else.
        var crisisFirst = request.IsUrgent;

        var body = new EmailBody().Add($"Dear {request.FirstName},");
        if (crisisFirst)
        {
            body.Add(crisis);
        }

        body.Add($"Thank you for contacting {clinic.Name}. Your reference is ", new Strong(request.Reference), ".")
            .Add($"A member of our team will contact you {clinic.FirstResponseTime}.")
            .Add("If you would like to talk to us sooner, call ", new Link(clinic.Phone, $"tel:{clinic.PhoneE164}", ShowUrlInText: false), ".");
        if (!crisisFirst)
        {
            body.Add(crisis);
        }

        body.Add("Please do not reply to this email: replies are not read, and neither this address nor the form is watched for emergencies.")
            .Add(clinic.Name);
        return new EmailContent([request.Email], $"We received your request (reference {request.Reference})", body);
    }

    /// <summary>What the emails of a request say about it; the clinical part is loaded only when configured.</summary>
    private sealed record Source(
        int Id, string Reference, string FirstName, string LastName, string Email, ContactMethod PreferredContact, bool IsUrgent)
    {
        public (string HelpWith, HealthAnswers Answers)? Clinical { get; init; }
    }

    private sealed class Batch(ConsultationEmails emails, Dictionary<int, Source> requests) : IEmailBatchWriter
    {
        public EmailContent Write(OutboxMessage message)
        {
            // A request deleted meanwhile (retention) takes its emails with it.
            var request = requests.GetValueOrDefault(message.ConsultationRequestId)
                ?? throw new InvalidOperationException("The email's request no longer exists.");
            return message.Kind switch
            {
                EmailKind.StaffNotification => emails.StaffNotification(request),
                EmailKind.Acknowledgement => emails.Acknowledgement(request),
                _ => throw new InvalidOperationException($"No template for email kind {message.Kind}."),
            };
        }
    }
}
