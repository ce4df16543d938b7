using KetamineClinic.Data.Entities;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>What every email has besides its content: a Message-Id, the sender, the date and the headers of a machine's mail.</summary>
public sealed class EmailEnvelope(IOptions<EmailOptions> options)
{
    /// <summary>A new outbox row, its Message-Id fixed now so that a retried send is recognisably the same message.</summary>
    public OutboxMessage NewOutboxMessage(EmailKind kind, DateTime now) => new()
    {
        Kind = kind,
        MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The email as it goes out: from <c>Email:From</c>, marked as sent by a machine.</summary>
    public MimeMessage Compose(OutboxMessage message, EmailContent content, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(content);
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = content.Subject, Date = date };
        // RFC 3834: sent by a machine, so out-of-office and other automatic replies leave it alone.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        foreach (var recipient in content.To)
        {
            mime.To.Add(MailboxAddress.Parse(recipient));
        }

        if (content.Calendar is { } calendar)
        {
            // multipart/alternative of text, HTML and the invitation, as calendar clients expect (RFC 6047).
            var invitation = new TextPart("calendar") { Text = calendar.Ics, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
            invitation.ContentType.Parameters.Add("method", calendar.Method);
            invitation.ContentType.Charset = "utf-8";
            mime.Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = content.Body.ToText() },
                new TextPart("html") { Text = content.Body.ToHtml() },
                invitation,
            };
        }
        else
        {
            mime.Body = new BodyBuilder { TextBody = content.Body.ToText(), HtmlBody = content.Body.ToHtml() }.ToMessageBody();
        }
        return mime;
    }

    private string MessageIdDomain() =>
        MailboxAddress.TryParse(options.Value.From, out var from) && from.Domain.Length > 0 ? from.Domain : "ketamineclinic.local";
}
