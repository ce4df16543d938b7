using System.Net.Sockets;
using KetamineClinic.Web.Email;
using MailKit.Net.Smtp;

namespace KetamineClinic.Tests.Email;

public sealed class OutboxRulesTests
{
    private static readonly OutboxOptions _outbox = new() { BaseDelaySeconds = 30, MaxDelaySeconds = 3600 };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    public void Retries_back_off_exponentially_up_to_the_cap_with_at_most_20_percent_jitter(int attempts, double seconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = OutboxDispatcher.RetryDelay(attempts, _outbox).TotalSeconds;
            Assert.InRange(delay, seconds, seconds * 1.2);
        }
    }

    [Fact]
    public void Errors_are_described_by_type_and_status_without_the_server_text()
    {
        var rejected = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 <avery@example.com>: no such user");

        var description = SmtpTransport.DescribeFailure(rejected);

        Assert.Equal("SmtpCommandException SMTP 550 (MailboxUnavailable), RecipientNotAccepted", description);
        Assert.Equal("SocketException ConnectionRefused", SmtpTransport.DescribeFailure(new SocketException((int)SocketError.ConnectionRefused)));
    }

    [Fact]
    public void The_email_options_validator_names_each_bad_key()
    {
        var options = new EmailOptions
        {
            From = "",
            StaffRecipients = ["ok@example.com", "nope"],
            Smtp = new SmtpOptions { Host = "smtp.example.com", Port = 0, Security = (SmtpSecurity)7, Username = "user" },
            Outbox = new OutboxOptions { MaxAttempts = 0 },
        };

        var failures = new EmailOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Email:From ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:StaffRecipients:1 ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:Port ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:Security ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:Username ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Outbox:MaxAttempts ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_email_options_with_a_sender_and_a_recipient_are_valid()
    {
        var options = new EmailOptions { From = "Clinic <no-reply@clinic.example>", StaffRecipients = ["care@clinic.example"] };

        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
    }
}
