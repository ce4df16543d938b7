using KetamineClinic.Data;
using KetamineClinic.Web.Clinic;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Web.Email;

/// <summary>Outgoing email. Bound from the <c>Email</c> section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Sender, e.g. <c>Harborview Clinic &lt;no-reply@clinic.example&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Who receives the notification of each new request.</summary>
    public List<string> StaffRecipients { get; set; } = [];

    /// <summary>Folder for <c>.eml</c> files when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>Puts the visitor's free text and health answers in the staff notification. Off by default: email is not encrypted at rest.</summary>
    public bool IncludeClinicalDetails { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty means: write to the pickup folder instead.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class OutboxOptions
{
    /// <summary>After this many failed attempts a message is marked failed and left for staff.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; doubled for each further attempt.</summary>
    public double BaseDelaySeconds { get; set; } = 30;

    /// <summary>The longest wait between two attempts.</summary>
    public double MaxDelaySeconds { get; set; } = 3600;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public double PollIntervalSeconds { get; set; } = 15;

    /// <summary>How long a claimed message is reserved for one dispatcher before another may take it over.</summary>
    public double ClaimSeconds { get; set; } = 120;
}

/// <summary>Checks the <c>Email</c> section at start-up; each failure names its full key.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        const string s = EmailOptions.Section;
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"{s}:From is required.");
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || !EmailAddress.IsValid(from.Address))
        {
            failures.Add($"{s}:From '{options.From}' is not a valid address.");
        }

        if (options.StaffRecipients.Count == 0)
        {
            failures.Add($"{s}:StaffRecipients needs at least one address.");
        }

        for (var i = 0; i < options.StaffRecipients.Count; i++)
        {
            if (!EmailAddress.IsValid(options.StaffRecipients[i]?.Trim()))
            {
                failures.Add($"{s}:StaffRecipients:{i} '{options.StaffRecipients[i]}' is not a valid email address.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Smtp.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"{s}:PickupDirectory is required when {s}:Smtp:Host is empty.");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{s}:Smtp:Port must be between 1 and 65535, but is {options.Smtp.Port}.");
        }

        // The binder has already refused a word that is not one of the names; a number it took may still be none.
        if (!Enum.IsDefined(options.Smtp.Security))
        {
            failures.Add($"{s}:Smtp:Security must be {ConfigurationEnum.Choices<SmtpSecurity>()}, but is '{options.Smtp.Security}'.");
        }

        if (string.IsNullOrEmpty(options.Smtp.Username) != string.IsNullOrEmpty(options.Smtp.Password))
        {
            failures.Add($"{s}:Smtp:Username and {s}:Smtp:Password must be set together.");
        }

        if (options.Smtp.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{s}:Smtp:TimeoutSeconds must be between 1 and 600, but is {options.Smtp.TimeoutSeconds}.");
        }

        if (options.Outbox.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{s}:Outbox:MaxAttempts must be between 1 and 100, but is {options.Outbox.MaxAttempts}.");
        }

        if (options.Outbox.BaseDelaySeconds <= 0)
        {
            failures.Add($"{s}:Outbox:BaseDelaySeconds must be greater than 0.");
        }

        if (options.Outbox.MaxDelaySeconds < options.Outbox.BaseDelaySeconds)
        {
            failures.Add($"{s}:Outbox:MaxDelaySeconds must be at least {s}:Outbox:BaseDelaySeconds.");
        }

        if (options.Outbox.PollIntervalSeconds <= 0)
        {
            failures.Add($"{s}:Outbox:PollIntervalSeconds must be greater than 0.");
        }

        if (options.Outbox.ClaimSeconds < options.Smtp.TimeoutSeconds * 2)
        {
            failures.Add($"{s}:Outbox:ClaimSeconds must be at least twice {s}:Smtp:TimeoutSeconds, so a slow send is not taken over.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
