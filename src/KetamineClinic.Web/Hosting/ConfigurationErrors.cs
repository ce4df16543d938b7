using KetamineClinic.Data;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Recognises, anywhere in an exception's chain, a setting that could not be used, and says which one in
/// one line: our own checks, options validation, and the configuration binder's "could not convert"
/// (a number or time span that is not one), whose message already names the key.
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
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Describe).FirstOrDefault(message => message is not null);
            }
        }

        return null;
    }
}
