using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    /// <summary>The clinic's identity (the <c>Clinic</c> section: name, phone, address, hours…) its course of treatment (<c>Clinic:Course</c>) and its costs (<c>Clinic:Costs</c>), checked at start.</summary>
    public static IServiceCollection AddClinicOptions(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ClinicOptions>>(provider => new ClinicOptionsValidator(provider.GetRequiredService<IWebHostEnvironment>().WebRootPath));
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TreatmentCourseOptions>, TreatmentCourseOptionsValidator>();
        services.AddOptions<TreatmentCourseOptions>().BindConfiguration(TreatmentCourseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClinicCostsOptions>, ClinicCostsOptionsValidator>();
        services.AddOptions<ClinicCostsOptions>().BindConfiguration(ClinicCostsOptions.Section).ValidateOnStart();
        services.AddHostedService<SampleSettingsWarning>();
        return services;
    }
}
