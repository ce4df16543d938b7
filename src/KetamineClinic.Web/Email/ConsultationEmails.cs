using System.Net;
using System.Text;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Features.Consultation;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>
/// Writes the two emails for a new consultation request as outbox rows. Values are HTML-encoded in
/// the HTML part; clinical details appear only in the staff notification and only when configured.
/// </summary>
public sealed class ConsultationEmails(IOptions<ClinicOptions> clinicOptions, IOptions<EmailOptions> emailOptions, TimeProvider time)
{
    public IReadOnlyList<OutboxMessage> Create(ConsultationRequest request, HealthAnswers answers, string siteOrigin)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return
        [
            Message(request, EmailKind.StaffNotification, string.Join(",", emailOptions.Value.StaffRecipients.Select(r => r.Trim())),
                StaffNotification(request, answers, siteOrigin), now),
            Message(request, EmailKind.Acknowledgement, request.Email, Acknowledgement(request), now),
        ];
    }

    private OutboxMessage Message(ConsultationRequest request, EmailKind kind, string recipients, (string Subject, string Text, string Html) content, DateTime now) => new()
    {
        ConsultationRequestId = request.Id,
        Kind = kind,
        MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
        Recipients = recipients,
        Subject = content.Subject,
        TextBody = content.Text,
        HtmlBody = content.Html,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private string MessageIdDomain() =>
        MailboxAddress.TryParse(emailOptions.Value.From, out var from) && from.Domain.Length > 0 ? from.Domain : "ketamineclinic.local";

    private (string, string, string) StaffNotification(ConsultationRequest request, HealthAnswers answers, string siteOrigin)
    {
        var clinic = clinicOptions.Value;
        var link = $"{siteOrigin.TrimEnd('/')}/staff/leads/{request.Id}";
        var method = ConsultationChoices.LabelOf(ConsultationChoices.ContactMethods, request.PreferredContact.ToString());
        var subject = (request.IsUrgent ? "[URGENT] " : "") + $"New consultation request {request.Reference}";

        var fields = new List<(string Label, string Value)>
        {
            ("Reference", request.Reference),
            ("Name", $"{request.FirstName} {request.LastName}"),
            ("Preferred contact", method),
            ("Urgent", request.IsUrgent ? "Yes — the message suggests a possible crisis. Contact them as soon as possible." : "No"),
        };
        if (emailOptions.Value.IncludeClinicalDetails)
        {
            fields.Add(("What they would like help with", request.HelpWith));
            fields.Add(("Concerns", string.Join(", ", answers.Concerns.Select(c => ConsultationChoices.LabelOf(ConsultationChoices.Concerns, c)))));
            fields.Add(("Treatments tried", string.Join(", ", answers.TreatmentsTried.Select(t => ConsultationChoices.LabelOf(ConsultationChoices.Treatments, t)))));
            foreach (var (field, question) in ConsultationChoices.ScreeningQuestions)
            {
                if (answers.Screening.TryGetValue(field, out var answer))
                {
                    fields.Add((question, ConsultationChoices.LabelOf(ConsultationChoices.ScreeningAnswers, answer)));
                }
            }
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
        return (subject, text.ToString(), html.ToString());
    }

    private (string, string, string) Acknowledgement(ConsultationRequest request)
    {
        var clinic = clinicOptions.Value;
        var subject = $"We received your request (reference {request.Reference})";
        var next = $"A member of our team will contact you {clinic.FirstResponseTime}.";
        var call = $"If you would like to talk to us sooner, call {clinic.Phone}.";
        const string crisis = "If you are in crisis, call or text 988 (the Suicide & Crisis Lifeline, free and open 24/7). In an emergency, call 911.";

        var text = new StringBuilder()
            .AppendLine($"Dear {request.FirstName},").AppendLine()
            .AppendLine($"Thank you for contacting {clinic.Name}. Your reference is {request.Reference}.").AppendLine()
            .AppendLine(next)
            .AppendLine(call).AppendLine()
            .AppendLine(crisis).AppendLine()
            .AppendLine(clinic.Name)
            .ToString();

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body>")
            .Append("<p>Dear ").Append(Encode(request.FirstName)).Append(",</p>")
            .Append("<p>Thank you for contacting ").Append(Encode(clinic.Name)).Append(". Your reference is <strong>")
            .Append(Encode(request.Reference)).Append("</strong>.</p>")
            .Append("<p>").Append(Encode(next)).Append("</p>")
            .Append("<p>If you would like to talk to us sooner, call <a href=\"tel:").Append(Encode(clinic.PhoneE164)).Append("\">")
            .Append(Encode(clinic.Phone)).Append("</a>.</p>")
            .Append("<p><strong>").Append(Encode(crisis)).Append("</strong></p>")
            .Append("<p>").Append(Encode(clinic.Name)).Append("</p>")
            .Append("</body></html>")
            .ToString();
        return (subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
