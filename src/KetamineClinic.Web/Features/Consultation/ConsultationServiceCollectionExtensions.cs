using System.Threading.RateLimiting;
using FluentValidation;
using FluentValidation.AspNetCore;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

public static class ConsultationServiceCollectionExtensions
{
    /// <summary>The consultation form: options, validator, client-side hints, bot checks, storage and the POST rate limit.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ConsultationOptions>, ConsultationOptionsValidator>();
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();

        // Building the rules compiles expressions (milliseconds); a validator is thread-safe once built, so build it once.
        services.AddSingleton<IValidator<ConsultationForm>, ConsultationFormValidator>();
        services.AddFluentValidationClientsideAdapters();

        services.AddSingleton<ClientAddressHasher>();
        services.AddSingleton<FormBotCheck>();
        services.AddSingleton<ConfirmationCookie>();
        services.AddSingleton<ConsultationIntake>();
        services.AddSingleton<ConsultationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ConsultationWriter>());

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ConsultationRateLimit.PolicyName, ConsultationRateLimit.Partition);
        });
        return services;
    }
}

public static class ConsultationRateLimit
{
    public const string PolicyName = "consultation-post";

    /// <summary>A fixed window per client address (after forwarded headers from known proxies are applied).</summary>
    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ConsultationOptions>>().Value.RateLimit;
        var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
