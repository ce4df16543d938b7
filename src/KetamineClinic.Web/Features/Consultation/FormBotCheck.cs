using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// Cheap bot checks that a person never notices: a honeypot field and a minimum time between showing
/// the form and posting it. The time is a protected token in the form, so it cannot be forged; it also expires.
/// </summary>
public sealed class FormBotCheck(IDataProtectionProvider dataProtection, IOptions<ConsultationOptions> options, TimeProvider time)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("KetamineClinic.Consultation.FormStarted.v1");

    public string IssueStartToken() =>
        _protector.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns why the post looks automated, or null when it looks like a person.</summary>
    public string? ReasonToDiscard(ConsultationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.Website))
        {
            return "honeypot";
        }

        return Started(form) switch
        {
            null => string.IsNullOrEmpty(form.FormStarted) ? "missing start token" : "invalid start token",
            { } started when time.GetUtcNow() - started < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) => "filled too fast",
            _ => null,
        };
    }

    /// <summary>
    /// The form was shown longer ago than <c>Consultation:FormLifetimeHours</c>: it is given back to be sent again, so
    /// that one fetched start token cannot be reused for ever.
    /// </summary>
    public bool HasExpired(ConsultationForm form) =>
        Started(form) is { } started && time.GetUtcNow() - started > TimeSpan.FromHours(options.Value.FormLifetimeHours);

    private DateTimeOffset? Started(ConsultationForm form)
    {
        if (string.IsNullOrEmpty(form.FormStarted))
        {
            return null;
        }

        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(
                long.Parse(_protector.Unprotect(form.FormStarted), NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
