using System.Text;

namespace KetamineClinic.Web.Clinic;

/// <summary>US phone numbers in the shapes people type them, normalised to E.164 (+1 and ten digits).</summary>
public static class PhoneNumber
{
    public static bool TryNormalizeUs(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return false;
        }

        var digits = new StringBuilder(11);
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+'))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (number.Length == 11 && number[0] == '1')
        {
            number = number[1..];
        }

        // North American Numbering Plan: area code and exchange both start with 2–9.
        if (number.Length != 10 || number[0] < '2' || number[3] < '2')
        {
            return false;
        }

        e164 = "+1" + number;
        return true;
    }

    /// <summary>"+13125550147" → "(312) 555-0147".</summary>
    public static string Display(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal)
            ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}"
            : e164;
}
