using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    public static IServiceCollection AddClinicIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidator>();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TreatmentCourseOptions>, TreatmentCourseOptionsValidator>();
        services.AddOptions<TreatmentCourseOptions>().BindConfiguration(TreatmentCourseOptions.Section).ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
