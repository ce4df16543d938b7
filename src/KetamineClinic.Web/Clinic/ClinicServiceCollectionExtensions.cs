using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    /// <summary>The clinic's identity (the <c>Clinic</c> section: name, phone, address, hours…), checked at start.</summary>
    public static IServiceCollection AddClinicOptions(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidator>();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        return services;
    }
}
