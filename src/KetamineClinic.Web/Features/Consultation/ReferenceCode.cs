using System.Security.Cryptography;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// The code a visitor quotes when they call: 8 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), drawn from a cryptographic generator so it cannot be guessed (31^8 ≈ 8.5 × 10^11).
/// </summary>
public readonly record struct ReferenceCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 8;

    private ReferenceCode(string value) => Value = value;

    public string Value { get; }

    public static ReferenceCode New() => new(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>Accepts what a person might type: any case, surrounding spaces.</summary>
    public static bool TryParse(string? input, out ReferenceCode code)
    {
        code = default;
        var candidate = input?.Trim().ToUpperInvariant();
        if (candidate is not { Length: Length } || candidate.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        code = new ReferenceCode(candidate);
        return true;
    }

    public override string ToString() => Value;
}
