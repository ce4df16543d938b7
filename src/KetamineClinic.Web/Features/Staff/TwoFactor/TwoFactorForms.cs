using System.ComponentModel.DataAnnotations;

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
public sealed record AccountSecurityPage(bool HasAuthenticator, int RecoveryCodesLeft);
