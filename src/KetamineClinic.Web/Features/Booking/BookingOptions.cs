using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>Settings for booking calls. Bound from the <c>Booking</c> section; the calling hours themselves are in the database.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Booking and manage-link requests allowed per client address in each window.</summary>
    public int RateLimitPermits { get; set; } = 30;

    public int RateLimitWindowSeconds { get; set; } = 60;
}

/// <summary>Checks the <c>Booking</c> section at start-up; each failure names its full key.</summary>
public sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions options)
    {
        var failures = new List<string>();
        if (options.RateLimitPermits < 1)
        {
            failures.Add($"{BookingOptions.Section}:RateLimitPermits must be at least 1, but is {options.RateLimitPermits}.");
        }

        if (options.RateLimitWindowSeconds < 1)
        {
            failures.Add($"{BookingOptions.Section}:RateLimitWindowSeconds must be at least 1, but is {options.RateLimitWindowSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
