using KetamineClinic.Web.Email;
using KetamineClinic.Web.Security;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Booking;

public static class BookingServiceCollectionExtensions
{
    public const string RateLimitPolicy = "booking";

    /// <summary>Booking a consultation call: options, the booking service, the availability form's validator and the rate limit of its pages.</summary>
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<BookingOptions>, BookingOptionsValidator>();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateOnStart();
        services.AddScoped<CallBooking>();
        services.AddSingleton<FluentValidation.IValidator<Staff.Availability.AvailabilityForm>, Staff.Availability.AvailabilityFormValidator>();
        services.AddSingleton<BookingEmails>();
        services.AddSingleton<IEmailWriter>(provider => provider.GetRequiredService<BookingEmails>());
        services.AddClientRateLimit(RateLimitPolicy, provider =>
        {
            var options = provider.GetRequiredService<IOptions<BookingOptions>>().Value;
            return (options.RateLimitPermits, TimeSpan.FromSeconds(options.RateLimitWindowSeconds));
        });
        return services;
    }
}
