using FluentValidation;
using FluentValidation.AspNetCore;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Security;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

public static class ConsultationServiceCollectionExtensions
{
    public const string RateLimitPolicy = "consultation-post";

    /// <summary>The consultation form: options, validator, client-side hints, bot checks, storage, its emails and the POST rate limit.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ConsultationOptions>, ConsultationOptionsValidator>();
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.Section).ValidateOnStart();

        // Building the rules compiles expressions (milliseconds); a validator is thread-safe once built, so build it once.
        services.AddSingleton<IValidator<ConsultationForm>, ConsultationFormValidator>();
        services.AddFluentValidationClientsideAdapters();

        services.AddSingleton<FormBotCheck>();
        services.AddSingleton<ConfirmationCookie>();
        services.AddSingleton<ConsultationIntake>();
        services.AddSingleton<ConsultationEmails>();
        services.AddSingleton<IEmailWriter>(provider => provider.GetRequiredService<ConsultationEmails>());
        services.AddSingleton<ConsultationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ConsultationWriter>());

        services.AddClientRateLimit(RateLimitPolicy, provider =>
        {
            var limit = provider.GetRequiredService<IOptions<ConsultationOptions>>().Value.RateLimit;
            return (limit.PermitLimit, TimeSpan.FromSeconds(limit.WindowSeconds));
        });
        return services;
    }
}
