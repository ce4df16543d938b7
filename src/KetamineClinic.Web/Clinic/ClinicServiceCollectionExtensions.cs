using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    /// <summary>The clinic's identity (the <c>Clinic</c> section: name, phone, address, hours…) and its course of treatment (<c>Clinic:Course</c>), checked at start.</summary>
    public static IServiceCollection AddClinicOptions(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidator>();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TreatmentCourseOptions>, TreatmentCourseOptionsValidator>();
        services.AddOptions<TreatmentCourseOptions>().BindConfiguration(TreatmentCourseOptions.Section).ValidateOnStart();
        return services;
    }
}
