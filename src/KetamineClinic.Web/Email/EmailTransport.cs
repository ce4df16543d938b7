using KetamineClinic.Data.Entities;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>Hands one message to the mail system. Throws when it could not; the outbox retries.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public static class OutboxMime
{
    public static MimeMessage ToMimeMessage(OutboxMessage message, EmailOptions options, DateTimeOffset date)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = date,
        };
        mime.From.Add(MailboxAddress.Parse(options.From));
        foreach (var recipient in message.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mime.To.Add(MailboxAddress.Parse(recipient));
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an <c>.eml</c> file: the embedded default, and a local mail drop for development.</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment) : IEmailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = new string([.. (message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var path = Path.Combine(Directory, name + ".eml");

        // Written under a temporary name and then renamed, so a reader never sees half a message.
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.SecurityMode switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };

        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
