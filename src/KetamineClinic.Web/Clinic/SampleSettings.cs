using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

/// <summary>
/// Which of the clinic's settings are still the fictional samples a checkout runs with. Recognised by what no real
/// clinic can have — a 555-01xx number (reserved for fiction), an address at a reserved example domain — and by the
/// samples' own marks: "(fictional)" in a member's name, a sample portrait.
/// </summary>
public static class SampleSettings
{
    private const string SamplePortraits = "/img/team/sample-";
    private static readonly string[] _reservedDomainEndings = [".example", ".test", ".invalid", ".localhost", "example.com", "example.net", "example.org"];

    public static IReadOnlyList<string> KeysInUse(ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        var keys = new List<string>();
        if (IsFictionalPhone(clinic.PhoneE164))
        {
            keys.Add($"{ClinicOptions.Section}:{nameof(clinic.Phone)}");
        }

        if (IsAtReservedDomain(clinic.Email))
        {
            keys.Add($"{ClinicOptions.Section}:{nameof(clinic.Email)}");
        }

        for (var i = 0; i < clinic.Team.Count; i++)
        {
            var member = clinic.Team[i];
            if (member.Name.Contains("(fictional)", StringComparison.OrdinalIgnoreCase) || member.Photo.StartsWith(SamplePortraits, StringComparison.OrdinalIgnoreCase))
            {
                keys.Add($"{TeamValidation.Key}:{i}");
            }
        }

        return keys;
    }

    /// <summary>555-0100 to 555-0199, in any area code, are set aside for films and books.</summary>
    private static bool IsFictionalPhone(string e164) =>
        e164.Length == 12 && e164.AsSpan(5, 3).SequenceEqual("555") && e164.AsSpan(8, 2).SequenceEqual("01");

    private static bool IsAtReservedDomain(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..].TrimEnd('.');
        return _reservedDomainEndings.Any(ending => domain.Equals(ending.TrimStart('.'), StringComparison.OrdinalIgnoreCase) || domain.EndsWith(ending.StartsWith('.') ? ending : "." + ending, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>In Production, one warning at start while the sample clinic's identity or team is still configured.</summary>
public sealed partial class SampleSettingsWarning(IOptions<ClinicOptions> clinic, IHostEnvironment environment, ILogger<SampleSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && SampleSettings.KeysInUse(clinic.Value) is { Count: > 0 } keys)
        {
            LogSamplesInUse(string.Join(", ", keys));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "The sample clinic's settings are still in use: {SampleSettingKeys}. Set the clinic's own before going live.")]
    private partial void LogSamplesInUse(string sampleSettingKeys);
}
