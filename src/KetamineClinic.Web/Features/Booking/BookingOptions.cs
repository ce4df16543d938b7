using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Booking;

/// <summary>Settings for booking calls. Bound from the <c>Booking</c> section; the calling hours themselves are in the database.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Booking and manage-link requests allowed per client address in each window.</summary>
    public int RateLimitPermits { get; set; } = 30;

    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Hours before a call that its reminder emails go out; unset means 24 and 2 (a bound list would add to defaults).</summary>
    public int[]? ReminderHoursBefore { get; set; }

    public IReadOnlyList<int> Reminders => ReminderHoursBefore ?? [24, 2];
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

        if (options.Reminders.Any(h => h is < 1 or > 336))
        {
            failures.Add($"{BookingOptions.Section}:ReminderHoursBefore must hold hours between 1 and 336, but is {string.Join(", ", options.Reminders)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
