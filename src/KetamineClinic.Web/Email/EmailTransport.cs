using System.Net.Sockets;
using KetamineClinic.Web.Hosting;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>Hands messages to the mail system, a batch at a time.</summary>
public interface IEmailTransport
{
    /// <summary>Starts a batch: its messages share what can be shared (for SMTP, one connection).</summary>
    IEmailSession OpenSession();

    /// <summary>What went wrong in a send, short and without message content (which may quote addresses), for the outbox and the log.</summary>
    string Describe(Exception exception);
}

public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one message. Throws when it could not; the outbox retries it later.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Writes each message as an <c>.eml</c> file: the embedded default, and a local mail drop for development.</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment) : IEmailTransport, IEmailSession
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    // Writing a file needs no connection: the transport is its own session, once the folder exists.
    public IEmailSession OpenSession()
    {
        System.IO.Directory.CreateDirectory(Directory);
        OwnerOnlyFiles.RestrictFolder(Directory);
        return this;
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));

        // Written under a temporary name and then renamed, so a reader never sees half a message. A few
        // kilobytes to the page cache: written synchronously, without a hop through the thread pool.
        var temporary = path + ".tmp";
        using (var file = CreateNewFile(temporary))
        {
            message.WriteTo(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A new, empty file. Not <see cref="FileMode.Create"/>: that truncates, and on ext4 closing a file that was
    /// truncated starts writing it to disk there and then (auto_da_alloc), which cost more than rendering the email.
    /// </summary>
    private static FileStream CreateNewFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 16 * 1024 };
        try
        {
            return new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Left by a send that stopped half-way (the process was killed); the message is written afresh.
            File.Delete(path);
            return new FileStream(path, options);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The exception type only: a file error's message can quote the path, which holds the Message-Id.</summary>
    public string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().Name;
    }

    /// <summary>The file a message is written to: its Message-Id with anything but letters and digits replaced.</summary>
    public static string FileName(string messageId) =>
        new string([.. messageId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]) + ".eml";
}

public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public IEmailSession OpenSession() => new SmtpSession(options.Value.Smtp);

    public string Describe(Exception exception) => DescribeFailure(exception);

    /// <summary>The exception type and the server's status code; never the message text, which may quote addresses.</summary>
    public static string DescribeFailure(Exception ex)
    {
        var detail = ex switch
        {
            SmtpCommandException smtp => $" SMTP {(int)smtp.StatusCode} ({smtp.StatusCode}), {smtp.ErrorCode}",
            SmtpProtocolException => " protocol error",
            SocketException socket => $" {socket.SocketErrorCode}",
            ServiceNotConnectedException or ServiceNotAuthenticatedException => "",
            IOException io when io.InnerException is SocketException inner => $" {inner.SocketErrorCode}",
            _ => "",
        };
        var text = ex.GetType().Name + detail;
        return text.Length > 1000 ? text[..1000] : text;
    }

    /// <summary>
    /// One connection (and one TLS handshake and sign-in) for a batch instead of one per message. After a
    /// failed send the connection is dropped and the next message starts a fresh one.
    /// </summary>
    private sealed class SmtpSession(SmtpOptions smtp) : IEmailSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                _client ??= await ConnectAsync(cancellationToken);
                await _client.SendAsync(message, cancellationToken);
            }
            catch
            {
                Drop();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
        {
            var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            try
            {
                var security = smtp.Security switch
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

                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private void Drop()
        {
            _client?.Dispose();
            _client = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
                {
                    // Every message is already accepted or failed; a lost goodbye changes nothing.
                }
            }

            Drop();
        }
    }
}
