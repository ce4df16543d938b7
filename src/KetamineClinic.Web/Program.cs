using KetamineClinic.Data;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    builder.AddClinicLogging();
    builder.Services.AddClinicIdentity();
    builder.Services.AddClinicData(builder.Environment);
    builder.Services.AddClinicWeb();
    builder.Services.AddConsultations();
    builder.Services.AddEmail();

    var app = builder.Build();

    await app.PrepareDatabaseAsync();

    app.UseForwardedHeaders();
    app.UseClinicRequestLogging();
    app.UseClinicErrorPages();
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    app.UseStaticFiles();
    app.UseRouting();
    app.UseRateLimiter();
    app.MapHealthChecks("/healthz");
    app.MapControllers();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is ClinicConfigurationException or OptionsValidationException)
{
    // One line that names the key, instead of a stack trace, for whoever is deploying.
    var message = ex is OptionsValidationException validation ? string.Join(" ", validation.Failures) : ex.Message;
    await Console.Error.WriteLineAsync($"Configuration error: {message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
