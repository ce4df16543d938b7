using KetamineClinic.Data;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Recognises, anywhere in an exception's chain, a setting that could not be used, and says which one in
/// one line: our own checks, options validation, and the configuration binder's "could not convert"
/// (a number or time span that is not one), whose message already names the key, and a settings file that is not
/// valid JSON, named with the line and position.
/// </summary>
public static class ConfigurationErrors
{
    private const string BinderConversionFailure = "Failed to convert configuration value";

    public static string? Describe(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ClinicConfigurationException:
                    return current.Message;
                case OptionsValidationException validation:
                    return string.Join(" ", validation.Failures);
                case InvalidOperationException when current.Message.StartsWith(BinderConversionFailure, StringComparison.Ordinal):
                    return current.Message;
                case InvalidDataException when FindJsonError(current) is { } json:
                    // "Failed to load configuration from file '…/appsettings.json'." around the parser's own error.
                    return $"{current.Message.TrimEnd('.')} — not valid JSON at line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}.";
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Describe).FirstOrDefault(message => message is not null);
            }
        }

        return null;
    }

    private static System.Text.Json.JsonException? FindJsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
