using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Email;
using KetamineClinic.Web.Features.Articles;
using KetamineClinic.Web.Features.Booking;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.TwoFactor;
using KetamineClinic.Web.Features.Staff.Users;
using KetamineClinic.Web.Hosting;
using KetamineClinic.Web.Security;

// Before anything is written: files readable by the app's user only, whatever umask it was started with.
OwnerOnlyFiles.RestrictNewFiles();

try
{
    // `staff …` account commands use the same configuration, minus the command's own arguments.
    var isStaffCommand = StaffCommandLine.IsStaffCommand(args);
    var builder = WebApplication.CreateBuilder(ConfigurationReading.ReadOnce(isStaffCommand ? [] : args));
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    builder.AddClinicLogging();
    builder.AddClinicStaticAssets();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddClinicOptions();
    builder.Services.AddClinicData(builder.Environment);
    builder.Services.AddClinicSecurity();
    builder.Services.AddClinicWeb();
    builder.Services.AddClinicCompression();
    builder.Services.AddArticles();
    builder.Services.AddConsultations();
    builder.Services.AddBooking();
    builder.Services.AddEmail();
    builder.Services.AddStaffArea();

    var app = builder.Build();

    await app.PrepareDatabaseAsync();
    if (isStaffCommand)
    {
        return await StaffCommandLine.RunAsync(app, args, Console.In, Console.Out, Console.Error);
    }

    app.UseForwardedHeaders();
    app.UseSecurityHeaders();
    app.UseClinicRequestLogging();
    app.UseClinicErrorPages();
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    app.UseHeadAsGet();
    app.UseRouting();
    // For every request that carries the staff cookie, not only the staff area's: the output cache below must
    // know who is signed in.
    app.UseStaffAuthentication();
    app.UseSecondFactorGate();
    app.UseAuthorization();
    app.UseNoStoreForStaffPages();
    app.UseRateLimiter();
    // After authentication, so the cache policy can see a signed-in user and stay out of the way.
    app.UseOutputCache();
    app.UseClinicCompression();
    app.MapStaticAssets();
    app.MapHealthChecks("/healthz");
    app.MapControllers().WithStaticAssets();
    app.MapEarlierStaffAddresses();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } message)
{
    // One line that names the key, instead of a stack trace, for whoever is deploying.
    await Console.Error.WriteLineAsync($"Configuration error: {message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
