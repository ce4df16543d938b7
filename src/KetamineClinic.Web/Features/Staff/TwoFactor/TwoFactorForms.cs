using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace KetamineClinic.Web.Features.Staff.TwoFactor;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
public sealed class SignInCodeForm
{
    public const string Label = "Code from your authenticator app";

    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app, or a recovery code.")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The code that proves the authenticator app holds the key just shown.</summary>
public sealed class AuthenticatorSetupForm
{
    public const string Label = "Code from the app";

    [Required(ErrorMessage = "Enter the 6-digit code the app shows.")]
    public string? Code { get; set; }
}

/// <summary>The set-up page: the key as a QR code (a PNG data: URI drawn on the server) and as text.</summary>
public sealed record AuthenticatorSetupPage(string Key, string QrCodeDataUri, AuthenticatorSetupForm Form)
{
    /// <summary>The key in groups of four, for typing it in or reading it aloud.</summary>
    public string KeyForReading => string.Join(' ', Key.Chunk(4).Select(group => new string(group)));
}

/// <summary>Recovery codes, shown once: right after they are made.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);

/// <summary>A member's own second factors.</summary>
public sealed record AccountSecurityPage(bool HasAuthenticator, int RecoveryCodesLeft, IReadOnlyList<PasskeyRow> Passkeys, AddPasskeyForm PasskeyForm);

/// <summary>A passkey on the member's own page: its name, when it was added, and the id its Remove button sends.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTime AddedAt)
{
    public static PasskeyRow From(UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        return new(WebEncoders.Base64UrlEncode(passkey.CredentialId), passkey.Name ?? "Unnamed passkey", passkey.CreatedAt.UtcDateTime);
    }
}

/// <summary>Adding a passkey: the name the member gives it, and what the browser's authenticator made (filled in by passkeys.js).</summary>
public sealed class AddPasskeyForm
{
    public const string Label = "Name for this passkey";
    public const int NameMaxLength = 50;

    [Required(ErrorMessage = "Enter a name for the passkey, such as the device or password manager that keeps it.")]
    [StringLength(NameMaxLength, ErrorMessage = "The name must be 50 characters or fewer.")]
    public string? Name { get; set; }

    public string? CredentialJson { get; set; }
}

/// <summary>Signing in with a passkey: what the browser's authenticator answered (filled in by passkeys.js).</summary>
public sealed class PasskeySignInForm
{
    public string? CredentialJson { get; set; }

    public string? ReturnUrl { get; set; }
}
