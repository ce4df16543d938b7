using Microsoft.Extensions.Configuration;

namespace KetamineClinic.Data;

/// <summary>Reads a setting that must be one of an enum's names.</summary>
public static class ConfigurationEnum
{
    /// <summary>
    /// The named value, in any letter case; <paramref name="defaultValue"/> when the setting is empty. Names only:
    /// <c>Enum.TryParse</c> and the configuration binder would also take a number such as "1".
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string key, T defaultValue)
        where T : struct, Enum
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<T>(name)
            : throw new ClinicConfigurationException($"{key} must be {Choices<T>()}, but is '{value}'.");
    }

    /// <summary>"'Sqlite' or 'SqlServer'", "'None', 'StartTls' or 'SslOnConnect'".</summary>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => $"'{n}'").ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
