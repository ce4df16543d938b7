using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Security;

/// <summary>Bound from the <c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const int MinimumKeyLength = 16;

    /// <summary>
    /// The secret key of the keyed hashes (HMAC-SHA256) of client addresses and unknown sign-in emails. When
    /// empty, a key is derived from the key-encryption certificate, so instances that share it hash alike.
    /// </summary>
    public string HashKey { get; set; } = "";

    /// <summary>The earlier name of <see cref="HashKey"/> (it was never a salt), still read when HashKey is empty.</summary>
    public string HashSalt { get; set; } = "";

    /// <summary>The key in use and the setting it came from, or empty when none is set.</summary>
    public (string Key, string Setting) ConfiguredKey =>
        HashKey.Length > 0 ? (HashKey, $"{Section}:{nameof(HashKey)}")
        : HashSalt.Length > 0 ? (HashSalt, $"{Section}:{nameof(HashSalt)}")
        : ("", "");
}

public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var (key, setting) = options.ConfiguredKey;
        return key.Length is > 0 and < PrivacyOptions.MinimumKeyLength
            ? ValidateOptionsResult.Fail($"{setting} must be at least {PrivacyOptions.MinimumKeyLength} characters long (or empty to derive one).")
            : ValidateOptionsResult.Success;
    }
}
