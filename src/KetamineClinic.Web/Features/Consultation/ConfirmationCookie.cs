using Microsoft.AspNetCore.DataProtection;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// Remembers, in a short-lived protected cookie, which reference this browser just received, so the
/// confirmation details are shown only to the person who sent the request and not to anyone guessing URLs.
/// </summary>
public sealed class ConfirmationCookie(IDataProtectionProvider dataProtection)
{
    public const string Name = ".KetamineClinic.Consultation";
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("KetamineClinic.Consultation.Confirmation.v1").ToTimeLimitedDataProtector();

    public void Issue(HttpContext context, string reference) =>
        context.Response.Cookies.Append(Name, _protector.Protect(reference, _lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/consultation",
            MaxAge = _lifetime,
            IsEssential = true,
        });

    public bool Matches(HttpContext context, string reference)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(value), reference, StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
