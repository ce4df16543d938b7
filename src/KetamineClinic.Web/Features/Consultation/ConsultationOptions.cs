using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>Settings for the consultation request form. Bound from the <c>Consultation</c> section.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultation";

    /// <summary>The age a visitor must confirm they have reached.</summary>
    public int MinimumAge { get; set; } = 18;

    /// <summary>A post sooner than this after the form was shown is treated as a bot.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form shown longer ago than this is given back, with what was typed, to be sent again.</summary>
    public int FormLifetimeHours { get; set; } = 4;

    public ConsultationRateLimitOptions RateLimit { get; set; } = new();
}

public sealed class ConsultationRateLimitOptions
{
    /// <summary>Form posts allowed per client address in each window.</summary>
    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 600;
}

/// <summary>Checks the <c>Consultation</c> section at start-up; each failure names its full key.</summary>
public sealed class ConsultationOptionsValidator : IValidateOptions<ConsultationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsultationOptions options)
    {
        var failures = new List<string>();
        if (options.MinimumAge is < 1 or > 120)
        {
            failures.Add($"{ConsultationOptions.Section}:MinimumAge must be between 1 and 120, but is {options.MinimumAge}.");
        }

        if (options.MinimumFillSeconds is < 0 or > 3600)
        {
            failures.Add($"{ConsultationOptions.Section}:MinimumFillSeconds must be between 0 and 3600, but is {options.MinimumFillSeconds}.");
        }

        if (options.FormLifetimeHours is < 1 or > 168)
        {
            failures.Add($"{ConsultationOptions.Section}:FormLifetimeHours must be between 1 and 168, but is {options.FormLifetimeHours}.");
        }

        if (options.RateLimit.PermitLimit < 1)
        {
            failures.Add($"{ConsultationOptions.Section}:RateLimit:PermitLimit must be at least 1, but is {options.RateLimit.PermitLimit}.");
        }

        if (options.RateLimit.WindowSeconds < 1)
        {
            failures.Add($"{ConsultationOptions.Section}:RateLimit:WindowSeconds must be at least 1, but is {options.RateLimit.WindowSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
