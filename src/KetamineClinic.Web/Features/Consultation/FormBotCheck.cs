using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// Cheap bot checks that a person never notices: a honeypot field and a minimum time between showing
/// the form and posting it. The time is a protected token in the form, so it cannot be forged.
/// </summary>
public sealed class FormBotCheck(IDataProtectionProvider dataProtection, IOptions<ConsultationOptions> options, TimeProvider time)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("KetamineClinic.Consultation.FormStarted.v1");

    public string IssueStartToken() =>
        _protector.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns why the post looks automated, or null when it looks like a person.</summary>
    public string? ReasonToDiscard(ConsultationForm form)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            return "honeypot";
        }

        if (string.IsNullOrEmpty(form.FormStarted))
        {
            return "missing start token";
        }

        long started;
        try
        {
            started = long.Parse(_protector.Unprotect(form.FormStarted), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return "invalid start token";
        }

        var elapsed = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(started);
        return elapsed < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) ? "filled too fast" : null;
    }
}
