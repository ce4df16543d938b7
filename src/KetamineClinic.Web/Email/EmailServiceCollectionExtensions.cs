using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Email options, the outbox dispatcher and the transport chosen by <c>Email:Smtp:Host</c>. What the emails say
    /// comes from the features that send them (an <see cref="IEmailWriter"/>).
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? provider.GetRequiredService<PickupDirectoryTransport>()
                : provider.GetRequiredService<SmtpTransport>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EmailEnvelope>();
        services.AddSingleton<EmailWriterRouter>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
