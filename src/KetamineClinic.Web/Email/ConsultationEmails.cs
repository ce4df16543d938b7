using System.Net;
using System.Text;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>What the two emails of a request say about it; the clinical part is loaded only when configured.</summary>
public sealed record ConsultationEmailSource(
    int Id, string Reference, string FirstName, string LastName, string Email, ContactMethod PreferredContact, bool IsUrgent)
{
    public (string HelpWith, HealthAnswers Answers)? Clinical { get; init; }
}

/// <summary>
/// The two emails of a consultation request. They are queued (as outbox rows with no content) in the same
/// transaction as the request, and rendered from the request when the dispatcher sends them, so the outbox
/// keeps no copy of names, addresses or health information. Values are HTML-encoded in the HTML part;
/// clinical details appear only in the staff notification and only when Email:IncludeClinicalDetails is on.
/// </summary>
public sealed class ConsultationEmails(IOptions<ClinicOptions> clinicOptions, IOptions<EmailOptions> emailOptions, IServer server)
{
    /// <summary>Queues both emails with a request that is about to be inserted; EF links them to it.</summary>
    public void Queue(ConsultationRequest request)
    {
        request.Emails = [Row(EmailKind.StaffNotification, request.CreatedAt), Row(EmailKind.Acknowledgement, request.CreatedAt)];
    }

    private OutboxMessage Row(EmailKind kind, DateTime now) => new()
    {
        Kind = kind,
        MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private string MessageIdDomain() =>
        MailboxAddress.TryParse(emailOptions.Value.From, out var from) && from.Domain.Length > 0 ? from.Domain : "ketamineclinic.local";

    /// <summary>What the given requests' emails need, by request id; health information only when it will be included.</summary>
    public async Task<Dictionary<int, ConsultationEmailSource>> LoadSourcesAsync(
        ClinicDbContext db, IReadOnlyCollection<int> requestIds, CancellationToken cancellationToken)
    {
        var sources = await db.ConsultationRequests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id))
            .Select(r => new ConsultationEmailSource(r.Id, r.Reference, r.FirstName, r.LastName, r.Email, r.PreferredContact, r.IsUrgent))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        if (emailOptions.Value.IncludeClinicalDetails)
        {
            var clinical = await db.ConsultationRequests.AsNoTracking()
                .Where(r => requestIds.Contains(r.Id))
                .Select(r => new { r.Id, r.HelpWith, r.HealthAnswers })
                .ToListAsync(cancellationToken);
            foreach (var row in clinical)
            {
                sources[row.Id] = sources[row.Id] with { Clinical = (row.HelpWith, HealthAnswers.FromJson(row.HealthAnswers)) };
            }
        }

        return sources;
    }

    public MimeMessage Render(OutboxMessage message, ConsultationEmailSource request, DateTimeOffset date)
    {
        var (recipients, subject, text, html) = message.Kind switch
        {
            EmailKind.StaffNotification => StaffNotification(request),
            EmailKind.Acknowledgement => Acknowledgement(request),
            _ => throw new InvalidOperationException($"No template for email kind {message.Kind}."),
        };

        var mime = new MimeMessage { MessageId = message.MessageId, Subject = subject, Date = date };
        // RFC 3834: sent by a machine, so out-of-office and other automatic replies leave it alone.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.From.Add(MailboxAddress.Parse(emailOptions.Value.From));
        foreach (var recipient in recipients)
        {
            mime.To.Add(MailboxAddress.Parse(recipient));
        }

        mime.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return mime;
    }

    private (IEnumerable<string>, string, string, string) StaffNotification(ConsultationEmailSource request)
    {
        // Never the Host header of the visitor's request: Clinic:BaseUrl, or the address the server listens on.
        var link = $"{SiteUrls.TrustedOrigin(clinicOptions.Value, server)}/staff/leads/{request.Id}";
        var method = ConsultationChoices.LabelOf(ConsultationChoices.ContactMethods, request.PreferredContact.ToString());
        var subject = (request.IsUrgent ? "[URGENT] " : "") + $"New consultation request {request.Reference}";

        var fields = new List<(string Label, string Value)>
        {
            ("Reference", request.Reference),
            ("Name", $"{request.FirstName} {request.LastName}"),
            ("Preferred contact", method),
            ("Urgent", request.IsUrgent ? "Yes — the message suggests a possible crisis. Contact them as soon as possible." : "No"),
        };
        if (emailOptions.Value.IncludeClinicalDetails && request.Clinical is { } clinical)
        {
            fields.Add(("What they would like help with", clinical.HelpWith));
            fields.AddRange(clinical.Answers.Describe());
        }

        var text = new StringBuilder();
        text.AppendLine("A new consultation request has arrived.").AppendLine();
        foreach (var (label, value) in fields)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        text.AppendLine().Append("Open the request: ").AppendLine(link);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body><p>A new consultation request has arrived.</p><table>");
        foreach (var (label, value) in fields)
        {
            html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>")
                .Append(Encode(value).ReplaceLineEndings("<br>")).Append("</td></tr>");
        }

        html.Append("</table><p><a href=\"").Append(Encode(link)).Append("\">Open the request</a></p></body></html>");
        var recipients = emailOptions.Value.StaffRecipients.Select(r => r.Trim());
        return (recipients, subject, text.ToString(), html.ToString());
    }

    private (IEnumerable<string>, string, string, string) Acknowledgement(ConsultationEmailSource request)
    {
        var clinic = clinicOptions.Value;
        var subject = $"We received your request (reference {request.Reference})";
        var next = $"A member of our team will contact you {clinic.FirstResponseTime}.";
        var call = $"If you would like to talk to us sooner, call {clinic.Phone}.";
        const string crisis = "If you are in crisis, call or text 988 (the Suicide & Crisis Lifeline, free and open 24/7). In an emergency, call 911.";
        const string noReply = "Please do not reply to this email: replies are not read, and neither this address nor the form is watched for emergencies.";
        // Someone whose words suggested a crisis reads where to get help now before anything else.
        var crisisFirst = request.IsUrgent;

        var text = new StringBuilder().AppendLine($"Dear {request.FirstName},").AppendLine();
        if (crisisFirst)
        {
            text.AppendLine(crisis).AppendLine();
        }

        text.AppendLine($"Thank you for contacting {clinic.Name}. Your reference is {request.Reference}.").AppendLine()
            .AppendLine(next)
            .AppendLine(call).AppendLine();
        if (!crisisFirst)
        {
            text.AppendLine(crisis).AppendLine();
        }

        text.AppendLine(noReply).AppendLine()
            .AppendLine(clinic.Name);

        var crisisHtml = $"<p><strong>{Encode(crisis)}</strong></p>";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body>")
            .Append("<p>Dear ").Append(Encode(request.FirstName)).Append(",</p>")
            .Append(crisisFirst ? crisisHtml : "")
            .Append("<p>Thank you for contacting ").Append(Encode(clinic.Name)).Append(". Your reference is <strong>")
            .Append(Encode(request.Reference)).Append("</strong>.</p>")
            .Append("<p>").Append(Encode(next)).Append("</p>")
            .Append("<p>If you would like to talk to us sooner, call <a href=\"tel:").Append(Encode(clinic.PhoneE164)).Append("\">")
            .Append(Encode(clinic.Phone)).Append("</a>.</p>")
            .Append(crisisFirst ? "" : crisisHtml)
            .Append("<p>").Append(Encode(noReply)).Append("</p>")
            .Append("<p>").Append(Encode(clinic.Name)).Append("</p>")
            .Append("</body></html>")
            .ToString();
        return ([request.Email], subject, text.ToString(), html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
