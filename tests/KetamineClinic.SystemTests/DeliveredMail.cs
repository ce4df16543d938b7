using System.Text.RegularExpressions;
using MimeKit;

namespace KetamineClinic.SystemTests;

/// <summary>One message as the SMTP server received it: its Message-Id and the consultation reference in its subject.</summary>
public sealed partial record DeliveredMail(string MessageId, string Reference)
{
    public static IReadOnlyList<DeliveredMail> ReadAll(IEnumerable<string> emlFiles) =>
    [
        .. emlFiles.Select(file =>
        {
            using var message = MimeMessage.Load(file);
            var match = SubjectReference().Match(message.Subject ?? "");
            return new DeliveredMail(message.MessageId ?? "", match.Success ? match.Groups[1].Value : "");
        }),
    ];

    /// <summary>Message-Ids received more than once.</summary>
    public static IReadOnlyList<string> Duplicates(IEnumerable<DeliveredMail> mail) =>
        [.. mail.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key)];

    // Both subjects name the reference: "New consultation request X" and "We received your request (reference X)".
    [GeneratedRegex(@"(?:request|reference) ([2-9A-Z]{8})\b")]
    private static partial Regex SubjectReference();
}
